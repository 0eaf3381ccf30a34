"""Opens each workbook with openpyxl, a reader nobody here wrote, treating every warning as an error
(openpyxl warns, for example, when a workbook has no default cell style), and lists its sheets.

Usage: check_xlsx.py FILE...
Prints one line per file: "<file>\t<ok|FAIL>\t<sheets or error>" and exits 1 if any failed.
"""
import sys
import warnings

import openpyxl


def main(files):
    print("# openpyxl %s" % openpyxl.__version__)
    failed = 0
    for path in files:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("error")
                book = openpyxl.load_workbook(path)
            sheets = ",".join("%s:%d" % (ws.title, ws.max_row) for ws in book.worksheets)
            print("%s\tok\t%s" % (path, sheets))
        except Exception as e:  # noqa: BLE001
            print("%s\tFAIL\t%s" % (path, e))
            failed += 1
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
