"""GitHub Actions workflow commands: one `::error file=…,line=…,col=…::message` per finding, shown
as annotations on the pull request.

Escaping follows the runner (actions/toolkit `command.ts`): in the message `%`, CR and LF are
percent-encoded; in a property value `:` and `,` are too, so a file name with a comma or a rule
title with a colon cannot end the property early. info becomes `notice`.
"""
from __future__ import annotations

LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    return str(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(level: str, message: str, **props) -> str:
    shown = ",".join(f"{k}={escape_property(v)}" for k, v in props.items() if v is not None)
    return f"::{level} {shown}::{escape_data(message)}" if shown else f"::{level}::{escape_data(message)}"


def render(results, stream, **options) -> None:
    for r in results:
        path = r.path.replace("\\", "/")
        if r.error:
            stream.write(command("error", r.error, file=path, title="nianbao-lint") + "\n")
        for f in r.findings:
            props = {"file": path}
            if f.line is not None:
                props["line"] = f.line
                if f.column:
                    props["col"] = f.column
                if f.end_line and f.end_line != f.line:
                    props["endLine"] = f.end_line
                elif f.end_column:
                    props["endColumn"] = f.end_column
            props["title"] = f.rule
            message = f"{f.message}\n依据：{f.basis}" if f.basis else f.message
            stream.write(command(LEVELS[str(f.severity)], message, **{k: str(v) for k, v in props.items()}) + "\n")
