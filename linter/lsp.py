"""`nianbao-lint lsp`: a language server over stdio, so an editor checks a report as it is written.

Diagnostics are published on open, change and save, each with the rule id as its code, the
severity, the message and the legal basis (in the message and in `data`), and quick fixes for the
mechanical rules (`--fix`'s repairs) plus a "suppress with a comment" action in .txt/.md.
Positions are converted from the engine's code points to the encoding negotiated with the client
(UTF-16 unless it offers another), so a highlight after 𠀀 or an emoji is not off by one.

pygls is an optional extra (`pip install 'nianbao-lint[lsp]'`): `check` never imports it.
"""
from __future__ import annotations

import os

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from . import __version__
from .findings import Severity

SEVERITIES = {Severity.ERROR: types.DiagnosticSeverity.Error, Severity.WARNING: types.DiagnosticSeverity.Warning,
              Severity.INFO: types.DiagnosticSeverity.Information}
SOURCE = "nianbao-lint"


class NianbaoServer(LanguageServer):
    def __init__(self):
        super().__init__("nianbao-lint", __version__)
        from .config import Project
        self.project = Project()
        self.results: dict[str, object] = {}

    def lint(self, uri: str, text: str):
        """Lint a document's current text; returns (result, diagnostics). Never raises: a broken config
        or pack becomes one diagnostic at the top of the file."""
        from .config import ConfigError
        from .engine import FileResult, lint_document
        from .packs import PackError
        from .readers import ReadError, read_bytes
        path = to_fs_path(uri) or uri
        try:
            config, packset, settings = self.project.for_path(path)
            if config is not None and config.ignored(path):
                result = FileResult(path)
            else:
                result = lint_document(read_bytes(path, text.encode("utf-8")), packset, settings)
        except (ConfigError, PackError, ReadError) as exc:
            result = FileResult(path, error=str(exc))
        self.results[uri] = result
        return result, self.diagnostics(result)

    def column(self, text: str, column: int | None) -> int:
        if not column:
            return 0
        return self.workspace.position_codec.client_num_units(text[:column - 1])

    def range_of(self, doc, line: int | None, column: int | None, end_line: int | None,
                 end_column: int | None) -> types.Range:
        if line is None or doc is None or line > len(doc.lines):
            # a document-level finding: the first line, so that editors underline something
            first = doc.line(1).text if doc is not None and doc.lines else ""
            return types.Range(types.Position(0, 0), types.Position(0, self.column(first, len(first) + 1)))
        text = doc.line(line).text
        start = types.Position(line - 1, self.column(text, column))
        end_line = end_line or line
        if end_column and end_line <= len(doc.lines):
            end = types.Position(end_line - 1, self.column(doc.line(end_line).text, end_column))
        else:
            end = types.Position(line - 1, self.column(text, len(text) + 1))
        return types.Range(start, end)

    def diagnostics(self, result) -> list[types.Diagnostic]:
        from .fix import FIXABLE
        out = []
        if result.error:
            out.append(types.Diagnostic(range=types.Range(types.Position(0, 0), types.Position(0, 0)),
                                        message=f"nianbao-lint：{result.error}", severity=types.DiagnosticSeverity.Error,
                                        source=SOURCE))
        for f in result.findings:
            message = f"{f.message}\n依据：{f.basis}" if f.basis else f.message
            out.append(types.Diagnostic(
                range=self.range_of(result.document, f.line, f.column, f.end_line, f.end_column),
                message=message, severity=SEVERITIES[f.severity], code=f.rule, source=SOURCE,
                data={"rule": f.rule, "basis": f.basis, "fixable": f.rule in FIXABLE,
                      "document_level": f.line is None}))
        return out

    def publish(self, uri: str, version: int | None = None) -> None:
        document = self.workspace.get_text_document(uri)
        _, diagnostics = self.lint(uri, document.source)
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics, version=version))

    def code_actions(self, params: types.CodeActionParams) -> list[types.CodeAction]:
        from .fix import edits_for
        uri = params.text_document.uri
        result = self.results.get(uri)
        if result is None or result.document is None:
            return []
        doc = result.document
        actions = []
        for diag in params.context.diagnostics:
            if diag.source != SOURCE or not diag.code:
                continue
            for f in result.findings:
                if f.rule != diag.code or f.line is None or f.line - 1 != diag.range.start.line:
                    continue
                edits = [types.TextEdit(self.range_of(doc, ln, s + 1, ln, e + 1), new)
                         for ln, s, e, new in edits_for(f, doc)]
                if edits:
                    actions.append(types.CodeAction(
                        title=f"修正：{f.message}"[:80], kind=types.CodeActionKind.QuickFix, diagnostics=[diag],
                        is_preferred=True, edit=types.WorkspaceEdit(changes={uri: edits})))
                if doc.source_format in ("txt", "md"):
                    indent = doc.line(f.line).text[:len(doc.line(f.line).text) - len(doc.line(f.line).text.lstrip())]
                    comment = f"{indent}<!-- nianbao-lint: disable {f.rule} — 原因 -->\n"
                    actions.append(types.CodeAction(
                        title=f"用注释忽略 {f.rule}（本行）", kind=types.CodeActionKind.QuickFix, diagnostics=[diag],
                        edit=types.WorkspaceEdit(changes={uri: [types.TextEdit(
                            types.Range(types.Position(f.line - 1, 0), types.Position(f.line - 1, 0)), comment)]})))
                break
        return actions


def create_server() -> NianbaoServer:
    server = NianbaoServer()

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: NianbaoServer, params: types.DidOpenTextDocumentParams):
        ls.publish(params.text_document.uri, params.text_document.version)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: NianbaoServer, params: types.DidChangeTextDocumentParams):
        ls.publish(params.text_document.uri, params.text_document.version)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE, types.SaveOptions(include_text=False))
    def did_save(ls: NianbaoServer, params: types.DidSaveTextDocumentParams):
        if os.path.basename(to_fs_path(params.text_document.uri) or "").startswith(".nianbao."):
            from .config import Project
            ls.project = Project()  # the config changed: reload it for every document
            return
        ls.publish(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: NianbaoServer, params: types.DidCloseTextDocumentParams):
        ls.results.pop(params.text_document.uri, None)
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=params.text_document.uri,
                                                                             diagnostics=[]))

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION,
                    types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]))
    def code_action(ls: NianbaoServer, params: types.CodeActionParams):
        return ls.code_actions(params)

    return server


def serve() -> None:
    create_server().start_io()
