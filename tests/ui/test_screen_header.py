"""Every screen's header (``ScreenHeader``): a title changed while the header is taken down (the
app closing, a screen popped) is ignored, not a crash. Textual 8.2's own ``Header`` raised
``NoMatches`` then, a flake of the suite at exit."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets._header import HeaderTitle

from mkhats.ui.widgets.title_bar import ScreenHeader, TitleBar


class _Titled(App[None]):
    def __init__(self, header: type[ScreenHeader]) -> None:
        super().__init__()
        self.header = header

    def compose(self) -> ComposeResult:
        yield self.header()


async def test_a_title_set_after_the_headers_title_is_gone_is_ignored() -> None:
    for header in (ScreenHeader, TitleBar):
        app = _Titled(header)
        async with app.run_test() as pilot:
            bar = app.query_one(header)
            await bar.query_one(HeaderTitle).remove()
            app.title = "changed while the header is taken down"
            app.screen.sub_title = "and again"
            await pilot.pause()
            assert app.return_code is None and app._exception is None
