"""Small Markdown and wording helpers shared by the renderers."""

from __future__ import annotations

from collections.abc import Sequence

# Width of one code excerpt line before it is cut (Markdown viewers wrap badly).
MAX_CODE_WIDTH = 160
# Longest source line quoted inline in a list item.
MAX_INLINE = 90


def plural(count: int, singular: str, many: str | None = None) -> str:
    """``1 place``, ``2 places``."""
    word = singular if count == 1 else (many or singular + "s")
    return f"{count} {word}"


def join_words(items: Sequence[str], last: str = "and") -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    return f"{', '.join(items[:-1])} {last} {items[-1]}"


def code(text: str) -> str:
    """Inline code that survives backticks inside ``text``."""
    if "`" not in text:
        return f"`{text}`"
    return f"`` {text} ``"


def quoted_line(text: str) -> str:
    """A source line shortened to fit an inline quote."""
    stripped = text.strip()
    if len(stripped) > MAX_INLINE:
        stripped = stripped[: MAX_INLINE - 3].rstrip() + "..."
    return code(stripped)


def code_block(rows: Sequence[tuple[int | None, str]], language: str = "python") -> str:
    """A fenced block with right-aligned line numbers in a gutter.

    Rows without a number are annotations and get an empty gutter.
    """
    numbers = [number for number, _ in rows if number is not None]
    width = len(str(max(numbers))) if numbers else 1
    lines = [f"```{language}"]
    for number, text in rows:
        gutter = str(number).rjust(width) if number is not None else " " * width
        body = text.rstrip()
        if len(body) > MAX_CODE_WIDTH:
            body = body[: MAX_CODE_WIDTH - 3] + "..."
        lines.append(f"{gutter} | {body}".rstrip())
    lines.append("```")
    return "\n".join(lines)


def fence(text: str, language: str = "python") -> str:
    return f"```{language}\n{text.rstrip()}\n```"


def first_sentence(text: str) -> str:
    """The first sentence of a paragraph (up to the first ". ")."""
    flat = " ".join(text.split())
    for end in (". ", ".\n"):
        index = flat.find(end)
        if index != -1:
            return flat[: index + 1]
    return flat


def paragraphs(text: str) -> str:
    """Registry text, dedented and with its paragraphs kept."""
    lines = [line.strip() for line in text.strip().splitlines()]
    blocks: list[list[str]] = [[]]
    for line in lines:
        if line:
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    return "\n\n".join(" ".join(block) for block in blocks if block)
