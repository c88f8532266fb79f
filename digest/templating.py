"""Jinja: the environment (autoescape, strict undefined) and template errors as diagnostics."""

from __future__ import annotations

import hashlib
import traceback
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import jinja2
from babel import Locale
from markupsafe import Markup

from .diagnostics import Diagnostics
from .i18n import number_text
from .text.typeset import keep_name, keep_words


class Templates:
    """The theme's templates plus its interface strings."""

    def __init__(
        self,
        folder: Path,
        strings: Mapping[str, Mapping[str, str]],
        display_root: Path,
        compiled: Path | None = None,
        salt: str = "",
    ) -> None:
        """``compiled``: a folder where compiled templates are kept between builds (Jinja's
        bytecode cache), valid for one ``salt`` (the engine's code: it sets the options the
        templates are compiled with)."""
        self.folder = folder
        self.display_root = display_root
        self._compiled = _Compiled(compiled, salt) if compiled is not None else None
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(folder),
            # A build makes its own environment and the theme does not change under it (a change
            # is another build): Jinja's default re-checks each template file's mtime at every
            # use, a dozen ``stat`` calls per page with the imported partials.
            auto_reload=False,
            bytecode_cache=self._compiled,
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )
        self.env.globals["t"] = _translator(strings)
        self.env.filters["num"] = _number
        # ``{{ title|keep_words }}``, ``{{ name|keep_name }}``: text that never breaks at a hyphen.
        self.env.filters["keep_words"] = lambda text: Markup(keep_words(str(text)))
        self.env.filters["keep_name"] = lambda text: Markup(keep_name(str(text)))
        self.env.globals["card_html"] = self._card_html
        self.env.globals["entity_card_html"] = self._entity_card_html
        self._cards: dict[tuple[str, int, str, str], tuple[Any, Markup]] = {}

    def _card_html(self, item: Any, page: Any) -> Markup:
        """A story card, rendered once per story and language: lists and entity pages repeat them."""
        return self._once("partials/card.html", item, page)

    def _entity_card_html(self, card: Any, page: Any) -> Markup:
        """An entity's hover card, rendered once per entity and edition: every article page
        that mentions the entity carries the same card."""
        return self._once("partials/entity_card.html", card, page)

    def _once(self, name: str, item: Any, page: Any) -> Markup:
        """``name`` rendered for ``item`` on a page of ``page``'s edition, memoised: the output
        depends only on the item and the edition (language and digits)."""
        # By identity: hashing a nested frozen record on every use costs more than the lookup
        # saves. The entry holds the item, so its id cannot be reused while it is cached.
        key = (name, id(item), page.lang, _digits(page))
        found = self._cards.get(key)
        if found is None or found[0] is not item:
            template = self.env.get_template(name)
            found = self._cards[key] = (item, Markup(template.render(item=item, page=page).strip()))
        return found[1]

    def save_compiled(self) -> None:
        """Keep the templates compiled by this build for the next (a successful build's last step)."""
        if self._compiled is not None:
            self._compiled.save()

    def check(self, diags: Diagnostics) -> None:
        """Compile every template once, so syntax errors are reported even for unused pages."""
        for name in sorted(self.env.list_templates(extensions=["html", "xml"])):
            try:
                self.env.get_template(name)
            except jinja2.TemplateSyntaxError as exc:
                diags.error(self._shown(exc.filename or name), exc.lineno or 0, 1, f"template error: {exc.message}")

    def render(self, name: str, diags: Diagnostics, **context: Any) -> str | None:
        try:
            return self.env.get_template(name).render(**context)
        except jinja2.TemplateSyntaxError as exc:
            diags.error(self._shown(exc.filename or name), exc.lineno or 0, 1, f"template error: {exc.message}")
        except jinja2.TemplateNotFound as exc:
            # Jinja's own message names the search path, an absolute folder that differs between machines.
            path, line = self._frame(exc, name)
            diags.error(path, line, 1, f"template error: template {exc.name!r} not found in templates/")
        except Exception as exc:  # any failure inside a template is the theme's, not ours
            path, line = self._frame(exc, name)
            diags.error(path, line, 1, f"template error: {type(exc).__name__}: {exc}")
        return None

    def _shown(self, filename: str) -> str:
        path = Path(filename)
        if not path.is_absolute():
            path = self.folder / path
        try:
            return path.resolve().relative_to(self.display_root.resolve()).as_posix()
        except ValueError:
            return path.as_posix()

    def _frame(self, exc: BaseException, name: str) -> tuple[str, int]:
        """The innermost template frame of a traceback (Jinja maps its lines to the template)."""
        found = (self._shown(name), 0)
        root = str(self.folder.resolve())
        for frame in traceback.extract_tb(exc.__traceback__):
            if frame.filename.startswith(root):
                found = (self._shown(frame.filename), frame.lineno or 0)
        return found


class _Compiled(jinja2.FileSystemBytecodeCache):
    """Jinja's cache of compiled templates in a folder, one file per template: reused while
    the template's source and the engine's code (``salt``) are the same, overwritten when
    either changes. Compiling the theme costs about 0.1 s a build; loading it, milliseconds.
    What is compiled is written by ``save`` only, once the build succeeded: a failed
    build writes nothing."""

    def __init__(self, folder: Path, salt: str) -> None:
        super().__init__(str(folder))
        self.folder = folder
        self.salt = salt
        self.pending: list[jinja2.bccache.Bucket] = []

    def get_source_checksum(self, source: str) -> str:
        return hashlib.sha256(f"{jinja2.__version__}\0{self.salt}\0{source}".encode()).hexdigest()

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.pending.append(bucket)

    def save(self) -> None:
        if self.pending:
            self.folder.mkdir(parents=True, exist_ok=True)
        for bucket in self.pending:
            super().dump_bytecode(bucket)
        self.pending.clear()


def _translator(strings: Mapping[str, Mapping[str, str]]) -> Callable[..., str]:
    @jinja2.pass_context
    def t(context: jinja2.runtime.Context, key: str, **values: Any) -> str:
        lang = context["page"].lang
        table = strings.get(lang, {})
        if "count" in values:
            # CLDR plural categories: Arabic has six (zero, one, two, few, many, other).
            form = Locale.parse(lang.replace("-", "_")).plural_form(values["count"])
            key = next((k for k in (f"{key}.{form}", f"{key}.other") if k in table), key)
        try:
            text = table[key]
        except KeyError:
            raise KeyError(f"no interface string '{key}' for language '{lang}'") from None
        if not values:
            return text
        digits = _digits(context["page"])
        shown = {k: number_text(v, lang, digits) if _is_count(v) else v for k, v in values.items()}
        return text.format(**shown)

    return t


def _is_count(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


@jinja2.pass_context
def _number(context: jinja2.runtime.Context, value: int) -> str:
    """``{{ n|num }}``: a count in the page's language and digits (chip counts, page numbers)."""
    page = context["page"]
    return number_text(value, page.lang, _digits(page))


def _digits(page: Any) -> str:
    """The page's numbering system; Latin for a page record that does not say (a theme's own)."""
    return getattr(page, "digits", "latn")
