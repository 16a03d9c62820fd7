"""`plan lsp` under the capabilities real editors announce, replayed by
pytest-lsp from the profiles it ships (VS Code, Neovim 0.7 and 0.11, Emacs
29): the server must pick a position encoding each offers and land every
range on the right characters in it, and pytest-lsp checks each answer
against what that client said it takes (no snippet for a client without
snippets, and so on). `make test` runs it in a virtual environment
(scripts/pytest-lsp); PLAN_BIN names the plan binary.
"""

import os
import subprocess
import sys
import tempfile

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

PLAN = os.environ.get("PLAN_BIN", os.path.join(os.path.dirname(__file__), "..", "..", ".build", "debug", "plan"))

PROFILES = ["visual_studio_code@v1.65.2", "neovim@v0.7.0", "neovim@v0.11.0", "emacs@v29.1"]

# The names hold an emoji (two UTF-16 units, one UTF-32 unit, four bytes)
# and CJK (one unit, one unit, three bytes) before what the ranges point at.
PLAN_TEXT = """vision "v"
value growth
skill "strategic planning" level 1 target 3
goal "🚀 Launch 名前" by 2027-06-30 serves growth needs skill "strategic planing" at 2
goal "Talk" by 2027-09-30 after "🚀 Launch 名前" serves growth
"""

FOLDER = tempfile.mkdtemp(prefix="plan-pytest-lsp-")
PATH = os.path.join(FOLDER, "career.plan")
URI = "file://" + PATH
with open(PATH, "w", encoding="utf-8") as out:
    out.write(PLAN_TEXT)


def column(line_text, characters, encoding):
    """Where the first `characters` code points of a line end, in the units of `encoding`."""
    prefix = line_text[:characters]
    if encoding == types.PositionEncodingKind.Utf8:
        return len(prefix.encode("utf-8"))
    if encoding == types.PositionEncodingKind.Utf32:
        return len(prefix)
    return len(prefix.encode("utf-16-le")) // 2


def position_of(text, needle, encoding, offset=0):
    """The position of `needle` (plus `offset` code points) in `text`."""
    for number, line in enumerate(text.split("\n")):
        found = line.find(needle)
        if found >= 0:
            return types.Position(line=number, character=column(line, found + offset, encoding))
    raise AssertionError("%r is not in the text" % needle)


def range_of(text, needle, encoding):
    start = position_of(text, needle, encoding)
    end = position_of(text, needle, encoding, offset=len(needle))
    return types.Range(start=start, end=end)


@pytest_lsp.fixture(
    params=PROFILES,
    config=ClientServerConfig(server_command=[PLAN, "lsp"]),
)
async def client(request, lsp_client: LanguageClient):
    # The server asks a client that registers capabilities as it goes to
    # watch the plans in the folder; pytest-lsp's client answers nothing
    # of its own, so it accepts here as VS Code and Emacs would.
    registered = []

    @lsp_client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register(params: types.RegistrationParams):
        registered.extend(params.registrations)

    lsp_client.registered = registered
    params = types.InitializeParams(
        capabilities=client_capabilities(request.param),
        root_uri="file://" + FOLDER,
        workspace_folders=[types.WorkspaceFolder(uri="file://" + FOLDER, name="plans")],
    )
    result = await lsp_client.initialize_session(params)
    lsp_client.encoding = result.capabilities.position_encoding or types.PositionEncodingKind.Utf16
    offered = (params.capabilities.general and params.capabilities.general.position_encodings) or []
    lsp_client.offered = offered
    lsp_client.profile = params.capabilities
    yield
    await lsp_client.shutdown_session()


async def open_plan(client):
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=URI, language_id="plan", version=1, text=PLAN_TEXT)
        )
    )
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    return client.diagnostics[URI]


async def test_the_encoding_is_one_the_client_offers(client: LanguageClient):
    if client.offered:
        # Any the client offers will do (LSP 3.17, `general.positionEncodings`).
        assert client.encoding in client.offered
    else:
        assert client.encoding == types.PositionEncodingKind.Utf16


async def test_a_client_that_registers_as_it_goes_is_asked_to_watch_the_plans(client: LanguageClient):
    await open_plan(client)
    watches = [r for r in client.registered if r.method == types.WORKSPACE_DID_CHANGE_WATCHED_FILES]
    dynamic = client.profile.workspace.did_change_watched_files
    if dynamic and dynamic.dynamic_registration:
        assert [w.register_options["watchers"][0]["globPattern"] for w in watches] == ["**/*.plan"]
    else:
        assert watches == []


async def test_diagnostics_land_on_the_misspelt_name_and_equal_plan_check(client: LanguageClient):
    diagnostics = await open_plan(client)
    checked = subprocess.run([PLAN, "check", "--json", PATH], capture_output=True, text=True)
    codes = sorted(line.split('"code":"')[1].split('"')[0] for line in checked.stdout.splitlines() if '"code":"' in line)
    assert sorted(d.code for d in diagnostics) == codes
    typo = next(d for d in diagnostics if "strategic planing" in d.message)
    assert typo.range == range_of(PLAN_TEXT, '"strategic planing"', client.encoding)


async def test_the_typo_fix_clears_its_diagnostic(client: LanguageClient):
    diagnostics = await open_plan(client)
    typo = next(d for d in diagnostics if "strategic planing" in d.message)
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=URI),
            range=typo.range,
            context=types.CodeActionContext(diagnostics=[typo]),
        )
    )
    fix = next(a for a in actions if isinstance(a, types.CodeAction) and a.edit is not None)
    edits = fix.edit.changes[URI] if fix.edit.changes else fix.edit.document_changes[0].edits
    assert [e.new_text for e in edits] == ['"strategic planning"']
    assert edits[0].range == typo.range
    fixed = PLAN_TEXT.replace('"strategic planing"', '"strategic planning"')
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=URI, version=2),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=fixed)],
        )
    )
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    assert not any("strategic planing" in d.message for d in client.diagnostics[URI])


async def test_definition_and_references_of_a_name_after_an_emoji(client: LanguageClient):
    await open_plan(client)
    # Inside the name in Talk's `after`, past the emoji.
    inside = position_of(PLAN_TEXT, '"🚀 Launch 名前" serves', client.encoding, offset=5)
    found = await client.text_document_definition_async(
        types.DefinitionParams(text_document=types.TextDocumentIdentifier(uri=URI), position=inside)
    )
    locations = found if isinstance(found, list) else [found]
    declared = range_of(PLAN_TEXT, '"🚀 Launch 名前" by', client.encoding)
    assert [(l.uri, l.range.start) for l in locations] == [(URI, declared.start)]
    references = await client.text_document_references_async(
        types.ReferenceParams(
            text_document=types.TextDocumentIdentifier(uri=URI),
            position=inside,
            context=types.ReferenceContext(include_declaration=True),
        )
    )
    assert sorted(r.range.start.line for r in references) == [3, 4]


async def test_hover_completion_rename_and_formatting(client: LanguageClient):
    await open_plan(client)
    hover = await client.text_document_hover_async(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=URI),
            position=position_of(PLAN_TEXT, "Talk", client.encoding, offset=1),
        )
    )
    assert "Talk" in str(hover.contents)
    # After `serves ` on Talk's line: the values, as this client takes them
    # (pytest-lsp checks each item against the client's capabilities).
    completion = await client.text_document_completion_async(
        types.CompletionParams(
            text_document=types.TextDocumentIdentifier(uri=URI),
            position=position_of(PLAN_TEXT, '名前" serves growth', client.encoding, offset=len('名前" serves ')),
        )
    )
    items = completion.items if isinstance(completion, types.CompletionList) else completion
    assert "growth" in [item.label for item in items]
    rename = await client.text_document_rename_async(
        types.RenameParams(
            text_document=types.TextDocumentIdentifier(uri=URI),
            position=position_of(PLAN_TEXT, "Talk", client.encoding, offset=1),
            new_name="Keynote ✨",
        )
    )
    changes = rename.changes[URI] if rename.changes else rename.document_changes[0].edits
    assert [e.new_text for e in changes] == ['"Keynote ✨"']
    assert changes[0].range == range_of(PLAN_TEXT, '"Talk"', client.encoding)
    edits = await client.text_document_formatting_async(
        types.DocumentFormattingParams(
            text_document=types.TextDocumentIdentifier(uri=URI),
            options=types.FormattingOptions(tab_size=4, insert_spaces=True),
        )
    )
    formatted = subprocess.run([PLAN, "fmt", PATH], capture_output=True, text=True)
    if formatted.returncode == 0:
        assert apply(PLAN_TEXT, edits or [], client.encoding) == formatted.stdout
    else:
        # What `plan fmt` will not format, the server leaves as it is.
        assert edits in (None, [])


def apply(text, edits, encoding):
    lines = text.split("\n")

    def offset(position):
        line = lines[position.line]
        units = 0
        for index, character in enumerate(line):
            if units >= position.character:
                return sum(len(l) + 1 for l in lines[: position.line]) + index
            units += column(character, 1, encoding)
        return sum(len(l) + 1 for l in lines[: position.line]) + len(line)

    for edit in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        text = text[: offset(edit.range.start)] + edit.new_text + text[offset(edit.range.end):]
    return text


if __name__ == "__main__":
    sys.exit(pytest.main([__file__, "-q"]))
