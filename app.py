"""The server: `streamlit run app.py` serves the dashboard (dashboard.py) with everything a first visitor
would otherwise wait for already done: the engine and Plotly imported and the first story analysed,
while the server starts and before it answers anyone. What is loaded then lives as long as the process,
so it is frozen out of the garbage collector's full passes (gc.freeze)."""

import asyncio
import gc
import sys
from contextlib import asynccontextmanager

import streamlit as st


@asynccontextmanager
async def warmed(_app):
    from framing.storage import use_data_dir_argument
    from views.session import warm_up

    use_data_dir_argument(sys.argv[1:])  # streamlit run app.py -- --data-dir PATH, as dashboard.py reads it
    await asyncio.to_thread(warm_up)
    gc.collect()
    gc.freeze()
    yield


app = st.App("dashboard.py", lifespan=warmed)
