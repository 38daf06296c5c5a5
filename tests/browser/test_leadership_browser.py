"""The leadership page in a real headless Chromium: charts render, CSV, Excel and the PDF report download."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook
from playwright.sync_api import Page, expect

from leokop import texts
from tests.browser.conftest import wait_until_settled
from tests.browser.test_login_flow import PASSWORD, sign_in

pytestmark = pytest.mark.browser


def _download(page: Page, button) -> bytes:
    with page.expect_download() as info:
        button.click()
    return Path(info.value.path()).read_bytes()


def test_leadership_page_renders_charts_and_exports_download(page: Page, tmp_path):
    sign_in(page, "schulleitung", PASSWORD)
    sidebar = page.get_by_test_id("stSidebar")
    sidebar.get_by_role("link", name=texts.PAGE_OVERVIEW).click()
    wait_until_settled(page)
    expect(page.get_by_role("heading", name=texts.PAGE_OVERVIEW)).to_be_visible()
    expect(page.get_by_text(texts.LEAD_METRIC_APPRENTICES)).to_be_visible()

    # the first tab's three bar charts are drawn by plotly
    charts = page.locator(".js-plotly-plot .main-svg")
    expect(charts.first).to_be_visible()
    assert page.locator(".js-plotly-plot").count() >= 3

    # another tab: dissolution rates with the national reference line
    page.get_by_role("tab", name=texts.LEAD_TAB_DISSOLUTIONS).click()
    panel = page.get_by_role("tabpanel", name=texts.LEAD_TAB_DISSOLUTIONS)
    expect(panel.locator(".js-plotly-plot .main-svg").first).to_be_visible()
    expect(panel.get_by_text("Bund 2023: 29,7 %").first).to_be_visible()
    page.screenshot(path=str(tmp_path / "schulueberblick.png"), full_page=True)

    csv_data = _download(page, panel.get_by_role("button", name=texts.LEAD_DOWNLOAD_CSV, exact=True))
    assert csv_data.startswith(b"\xef\xbb\xbf")
    lines = csv_data[3:].decode("utf-8").splitlines()
    assert lines[0].split(";")[:2] == [texts.LEAD_COL_OCCUPATION, texts.LEAD_COL_APPRENTICES]
    assert any(re.search(r";\d+,\d;29,7$", line) for line in lines[1:])  # decimal commas, the reference column

    xlsx_data = _download(page, panel.get_by_role("button", name=texts.LEAD_DOWNLOAD_XLSX, exact=True))
    sheet = load_workbook(io.BytesIO(xlsx_data)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == texts.LEAD_COL_OCCUPATION and rows[1][0] == texts.LEAD_ALL
    assert isinstance(rows[1][1], int) and rows[1][-1] == 29.7

    pdf = _download(page, page.get_by_role("button", name=texts.LEAD_DOWNLOAD_PDF))
    assert pdf.startswith(b"%PDF-")
    assert len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf)) == 1
