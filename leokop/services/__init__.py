"""Domain rules, free of Streamlit and SQL."""
