"""A grade from the teacher reaches the trainer of the same company, and only them, in a real headless Chromium."""

from __future__ import annotations

import re
from uuid import UUID

import psycopg
import pytest
from playwright.sync_api import Browser, Locator, Page, expect

from leokop import clock, texts
from leokop.demo.seed import demo_class_id, demo_id
from tests.browser.conftest import session_page, wait_until_settled
from tests.browser.test_login_flow import PASSWORD, sign_in

pytestmark = pytest.mark.browser

RMD_PAIR = "Berufliche Schulen am Mainufer ↔ Rhein-Main Datentechnik GmbH"
RMD_SUFFIX = "↔ Rhein-Main Datentechnik GmbH"
FI25A = demo_class_id("mainufer", "FI", 1, "a")
RMD = demo_id("company", "rmd")
TAUNUS = demo_id("company", "taunus")
MAINUFER = demo_id("school", "mainufer")
LF8 = demo_id("lf", "FI/LF8")
TEACHER_NAME = "Sabine Keller"
GRID_SCROLL_STEP = 300  # pixels per step when scrolling a data grid to find a row


# --- the chosen apprentice and Lernfeld ------------------------------------------------------------------------

# An active FI25a apprentice of rmd whose grades the school shares with the company and whose name no other
# apprentice has, and one of their Lernfelder without a grade yet (LF8 first if it is open): the form then
# proposes today as the grade's date, so the new history row is exactly (today, "<code>: Note <n>", teacher).
_TARGET_SQL = """
select a.id, a.first_name, a.last_name, lf.id, lf.code, lf.title, r.grade
from apprentices a
join learning_fields lf on lf.occupation_id = a.occupation_id
                       and (lf.track is null or lf.track = a.track or a.track is null)
left join lf_results r on r.apprentice_id = a.id and r.learning_field_id = lf.id
left join release_settings s on s.school_id = a.school_id
left join release_overrides o on o.apprentice_id = a.id
where a.class_id = %(class)s and a.company_id = %(company)s and a.status = 'aktiv'
  and coalesce(o.share_grades, s.share_grades, true)
  and r.grade is null
  and not exists (select 1 from apprentices b where b.id <> a.id
                  and b.first_name = a.first_name and b.last_name = a.last_name)
order by a.last_name, a.first_name, lf.id <> %(lf8)s, lf.sort_order
limit 1
"""


def _target(owner_url: str) -> dict:
    with psycopg.connect(owner_url) as conn:
        row = conn.execute(_TARGET_SQL, {"class": FI25A, "company": RMD, "lf8": LF8}).fetchone()
    assert row is not None, "the demo data has no ungraded Lernfeld for an FI25a apprentice of rmd"
    apprentice_id, first, last, lf_id, code, title, current = row
    return {"id": apprentice_id, "first": first, "last": last, "display": f"{last}, {first}", "lf_id": lf_id,
            "code": code, "lf_label": f"{code} {title}", "grade": 1 if current != 1 else 2}


def _stored(owner_url: str, apprentice_id: UUID, lf_id: UUID):
    with psycopg.connect(owner_url) as conn:
        result = conn.execute(
            "select r.status::text, r.grade, r.graded_on, u.username from lf_results r"
            " left join app_users u on u.id = r.updated_by where r.apprentice_id = %s and r.learning_field_id = %s",
            (apprentice_id, lf_id)).fetchone()
        history = conn.execute(
            "select h.grade, h.graded_on, u.username from lf_grade_history h"
            " left join app_users u on u.id = h.recorded_by where h.apprentice_id = %s and h.learning_field_id = %s"
            " order by h.recorded_at", (apprentice_id, lf_id)).fetchall()
    return result, history


def _active_names(owner_url: str, company: UUID) -> set[str]:
    with psycopg.connect(owner_url) as conn:
        rows = conn.execute("select last_name, first_name from apprentices"
                            " where company_id = %s and school_id = %s and status = 'aktiv'", (company, MAINUFER))
        return {f"{last}, {first}" for last, first in rows}


# --- browser helpers -------------------------------------------------------------------------------------------


def _sign_in_on_dashboard(page: Page, username: str) -> None:
    sign_in(page, username, PASSWORD)
    expect(page.get_by_role("heading", name=texts.PAGE_DASHBOARD)).to_be_visible()
    wait_until_settled(page)


def _combobox(page: Page, label: str) -> Locator:
    return page.get_by_role("combobox", name=label, exact=True)


def _open_options(page: Page, label: str) -> Locator:
    """Open a selectbox's dropdown; the options (a react-aria listbox in a portal).

    The box is first scrolled to the middle of the viewport: near the bottom edge the dropdown has no room below
    and scrolls the page as it opens, which closes it again (how far down the box is depends on the demo data of
    the day, e.g. how many open cases the dashboard lists above it)."""
    box = _combobox(page, label)
    box.evaluate("el => el.scrollIntoView({block: 'center'})")
    box.click()
    options = page.get_by_test_id("stSelectboxVirtualDropdown").get_by_role("option")
    expect(options.first).to_be_visible()
    return options


def _close_options(page: Page, label: str) -> None:
    page.keyboard.press("Escape")
    expect(page.get_by_test_id("stSelectboxVirtualDropdown")).to_have_count(0)
    wait_until_settled(page)


def choose(page: Page, label: str, option: str) -> None:
    """Click the selectbox, then the option in its dropdown (typing to filter if the list is too long to show it)."""
    options = _open_options(page, label)
    wanted = options.filter(has_text=re.compile(f"^{re.escape(option)}$"))
    if wanted.count() == 0:  # the dropdown is virtualised: narrow it down to the option
        _combobox(page, label).fill(option)
    expect(wanted).to_have_count(1)
    wanted.click()
    wait_until_settled(page)
    expect(_combobox(page, label)).to_have_value(option)


def _open_apprentice(page: Page, name: str) -> None:
    choose(page, texts.CHOOSE_COOPERATION, RMD_PAIR)
    choose(page, texts.CHOOSE_APPRENTICE, name)
    page.get_by_role("button", name=texts.OPEN_APPRENTICE).click()
    wait_until_settled(page)


# Resolves once the browser has drawn two more frames: a wait for the canvas grid to render, not for a fixed time.
_NEXT_FRAMES = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"


def _grid_row(grid: Locator, cells: list[str]) -> Locator:
    """The row of a st.dataframe with exactly these cell texts; the grid is a canvas whose accessible table holds
    only the rows in view, so it is scrolled down step by step until the row is drawn."""
    rows = grid.locator("table[role=grid] tr")
    row = rows
    for cell in cells:
        row = row.filter(has=grid.page.locator("td", has_text=re.compile(f"^{re.escape(cell)}$")))
    scroller = grid.locator(".dvn-scroller")
    for _ in range(200):
        if row.count():
            return row
        at_end = scroller.evaluate(
            "(el, step) => { const end = el.scrollTop + el.clientHeight >= el.scrollHeight - 1;"
            " el.scrollBy(0, step); return end; }", GRID_SCROLL_STEP)
        if at_end:
            break
        scroller.evaluate(_NEXT_FRAMES)  # the grid draws the newly scrolled rows in the next animation frames
    texts_seen = rows.all_inner_texts()
    raise AssertionError(f"no row {cells} in the table; last rows drawn: {texts_seen}")


# --- the flow --------------------------------------------------------------------------------------------------


def test_teacher_grade_reaches_own_trainer_but_not_other_company(browser: Browser, app_url: str, owner_url: str,
                                                                 tmp_path):
    target = _target(owner_url)
    today = clock.today()  # the form proposes the school's day (Europe/Berlin), not the machine's
    success = texts.SAVED_GRADE.format(code=target["code"])
    assert success == f"Lernfeld {target['code']} gespeichert."

    # 1. the teacher enters the grade on the apprentice page
    with session_page(browser, app_url) as teacher:
        _sign_in_on_dashboard(teacher, "lehrkraft")
        _open_apprentice(teacher, target["display"])
        expect(teacher.get_by_role("heading", name=f"{target['first']} {target['last']}")).to_be_visible()
        teacher.get_by_role("tab", name="Eintragen").click()
        wait_until_settled(teacher)
        choose(teacher, texts.FIELD_LF, target["lf_label"])
        form = teacher.get_by_test_id("stForm").filter(has=teacher.get_by_label(texts.FIELD_GRADE, exact=True))
        choose(teacher, texts.FIELD_STATUS, texts.LF_STATUS_LABELS["laufend"])
        grade = form.get_by_label(texts.FIELD_GRADE, exact=True)
        grade.fill(str(target["grade"]))
        expect(grade).to_have_value(str(target["grade"]))
        form.get_by_role("button", name=texts.BUTTON_SAVE).click()
        wait_until_settled(teacher)
        expect(teacher.get_by_test_id("stToast").filter(has_text=success)).to_be_visible()  # after the rerun
        expect(teacher.get_by_test_id("stAlertContentError")).to_have_count(0)

    # 2. stored, and recorded in the grade history, as the teacher's
    result, history = _stored(owner_url, target["id"], target["lf_id"])
    assert result == ("laufend", target["grade"], today, "lehrkraft")
    assert history[-1] == (target["grade"], today, "lehrkraft")
    assert len(history) == 1  # the Lernfeld had no grade before

    # 3. the trainer of the same company sees it in the apprentice's history, and the Lernfeld heatmap
    with session_page(browser, app_url) as trainer:
        _sign_in_on_dashboard(trainer, "ausbilder")
        choose(trainer, texts.CHOOSE_COOPERATION, RMD_PAIR)
        trainer.get_by_role("tab", name=texts.SECTION_SCHOOL).click()
        wait_until_settled(trainer)
        school_panel = trainer.get_by_role("tabpanel", name=texts.SECTION_SCHOOL)
        heatmap = school_panel.locator(".js-plotly-plot .main-svg").first
        expect(heatmap).to_be_visible()
        expect(school_panel.locator(".js-plotly-plot .ytick text", has_text=target["display"])).to_have_count(1)

        _open_apprentice(trainer, target["display"])
        expect(trainer.get_by_role("heading", name=f"{target['first']} {target['last']}")).to_be_visible()
        trainer.get_by_role("tab", name=texts.SECTION_HISTORY).click()
        wait_until_settled(trainer)
        history_panel = trainer.get_by_role("tabpanel", name=texts.SECTION_HISTORY)
        grid = history_panel.get_by_test_id("stDataFrame").first  # the past; "Geplant" follows
        expect(grid.locator("table[role=grid]")).to_be_attached()
        what = f"{target['code']}: Note {target['grade']}"
        row = _grid_row(grid, [what, TEACHER_NAME])
        expect(row).to_have_count(1)
        expect(row.locator("td").first).to_have_text(
            re.compile(f"^({today.isoformat()}|{today:%d.%m.%Y})$"))
        wait_until_settled(trainer)
        trainer.screenshot(path=str(tmp_path / "ausbilder_verlauf.png"), full_page=True)

    # 4. the trainer of another company sharing the class sees neither the pair nor the apprentice
    with session_page(browser, app_url) as other:
        _sign_in_on_dashboard(other, "ausbilder2")
        pairs = _open_options(other, texts.CHOOSE_COOPERATION).all_inner_texts()
        _close_options(other, texts.CHOOSE_COOPERATION)
        assert pairs, "ausbilder2 has no cooperation"
        assert not [p for p in pairs if p.endswith(RMD_SUFFIX)], pairs

        names = _open_options(other, texts.CHOOSE_APPRENTICE).all_inner_texts()
        assert set(names) == _active_names(owner_url, TAUNUS)  # the whole list is drawn
        assert target["display"] not in names
        _combobox(other, texts.CHOOSE_APPRENTICE).fill(target["display"])
        expect(other.get_by_test_id("stSelectboxVirtualDropdown").get_by_role("option")).to_have_text(
            ["No results"])
        _close_options(other, texts.CHOOSE_APPRENTICE)

        for text in (other.locator("body").text_content(), other.locator("body").inner_text()):
            for name in (target["display"], f"{target['first']} {target['last']}"):
                assert name not in text
