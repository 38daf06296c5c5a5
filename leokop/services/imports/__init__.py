"""Import of a school's data from the exports of its systems (LUSD, WebUntis, Magellan, SchILD): reading the file
(`reading`), which column is which (`fields`), cell values (`values`), the plan of what would change (`planning`)
and the preview and apply around them (`flow`)."""
