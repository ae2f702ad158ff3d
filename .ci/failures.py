"""Prints each failed test of the TRX files given, with the first lines of its message and stack trace.

CI shows only the tail of the run's output, where dotnet test names a failed test but not why it failed.
"""
import sys
import xml.etree.ElementTree as ET

NS = "{http://microsoft.com/schemas/VisualStudio/TeamTest/2010}"
MAX_TESTS = 8
MAX_LINES = 14

shown = 0
for path in sys.argv[1:]:
    try:
        root = ET.parse(path).getroot()
    except (ET.ParseError, OSError) as error:
        print(f"failures: cannot read {path}: {error}")
        continue
    for result in root.iter(NS + "UnitTestResult"):
        if result.get("outcome") != "Failed":
            continue
        shown += 1
        if shown > MAX_TESTS:
            continue
        print(f"--- FAILED {result.get('testName')} ({result.get('duration')})")
        info = result.find(f"{NS}Output/{NS}ErrorInfo")
        text = ""
        if info is not None:
            for part in ("Message", "StackTrace"):
                node = info.find(NS + part)
                if node is not None and node.text:
                    text += node.text.strip() + "\n"
        lines = [line.rstrip() for line in text.splitlines() if line.strip()]
        for line in lines[:MAX_LINES]:
            print("    " + line[:300])
        if len(lines) > MAX_LINES:
            print(f"    ... {len(lines) - MAX_LINES} more lines in {path}")
        # What the test itself wrote about the failure (the browser tests write the page's address and text).
        out = result.find(f"{NS}Output/{NS}StdOut")
        if out is not None and out.text:
            notes = [line for line in out.text.splitlines() if line.startswith(("FAILED at", "page text", "(no screenshot"))]
            for line in notes[:4]:
                print("    output: " + line[:600])
if shown > MAX_TESTS:
    print(f"--- and {shown - MAX_TESTS} more failed tests")
