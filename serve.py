"""The app and its HTTP routes on one port: `streamlit run serve.py` (what `make run` and `python -m leokop serve`
start). Streamlit finds `app` (an st.App) and serves it with uvicorn: the pages of app.py, and beside them the
calendar feed (leokop/web.py). `streamlit run app.py` still serves the pages alone (the feed answers 404 there)."""

import streamlit as st

from leokop.web import routes

app = st.App("app.py", routes=routes())
