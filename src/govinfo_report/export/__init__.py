"""Writing reports for other tools: DataFrames and Parquet, Excel workbooks, CSV for Excel.

* :mod:`.frame` — ``to_frame(reports)``, ``write_parquet(reports, path)`` (the ``frames``
  extra: pandas, pyarrow);
* :mod:`.xlsx` — ``write_xlsx(reports, path)`` (the ``xlsx`` extra: openpyxl);
* :mod:`.csv` — the long format as CSV that Excel and WPS open right (UTF-8 with BOM).

Each optional dependency is imported inside the function that needs it.
"""
