"""A running tally's values by date as a small inline SVG chart (no script, nothing fetched)."""
from __future__ import annotations

from datetime import date
from html import escape

from checker.models import Article, Claim, QuantityValue

WIDTH, HEIGHT, PAD = 320, 120, 28


def point_of(claim: Claim, article: Article) -> tuple[date, float, str] | None:
    """When and how much a claim says: its own period, else its article's date; the middle of
    its interval (the known end of an open one); None when either is unknown."""
    when = claim.period or article.date
    value = claim.value
    if when is None or not isinstance(value, QuantityValue) or (value.low is None and value.high is None):
        return None
    known = [x for x in (value.low, value.high) if x is not None]
    return when.start, sum(known) / len(known), value.as_text()


def tally_points(claims: list[Claim], articles: dict[str, Article]) -> list[tuple[date, float, str]]:
    """The dated values of a finding whose claims keep counting, oldest first; empty when no claim
    is a running tally or fewer than two dates are known."""
    if not any(c.running for c in claims):
        return []
    points = sorted(p for c in claims if (p := point_of(c, articles[c.article])))
    return points if len({p[0] for p in points}) >= 2 else []


def timeline_svg(points: list[tuple[date, float, str]], label: str) -> str:
    """The values as a line over time, each point titled with its date and value, the newest
    larger and labelled; scaled to its container's width."""
    first, last = points[0][0], points[-1][0]
    low, high = min(p[1] for p in points), max(p[1] for p in points)
    span_days, span_values = max((last - first).days, 1), (high - low) or 1.0

    def xy(day: date, value: float) -> tuple[float, float]:
        x = PAD + (WIDTH - 2 * PAD) * (day - first).days / span_days
        y = HEIGHT - PAD - (HEIGHT - 2 * PAD) * (value - low) / span_values
        return round(x, 1), round(y, 1)

    coords = [xy(d, v) for d, v, _ in points]
    out = [f'<svg class="timeline" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="{escape(label)}">',
           f'<line x1="{PAD}" y1="{HEIGHT - PAD}" x2="{WIDTH - PAD}" y2="{HEIGHT - PAD}" class="axis"/>',
           f'<polyline points="{" ".join(f"{x},{y}" for x, y in coords)}" class="tally"/>']
    for i, ((x, y), (day, _, text)) in enumerate(zip(coords, points)):
        newest = i == len(points) - 1
        out.append(f'<circle cx="{x}" cy="{y}" r="{6 if newest else 4}" class="{"newest" if newest else "point"}">'
                   f"<title>{day.isoformat()}: {escape(text)}</title></circle>")
    out.append(f'<text x="{PAD}" y="{HEIGHT - 8}" class="date">{first.isoformat()}</text>')
    out.append(f'<text x="{WIDTH - PAD}" y="{HEIGHT - 8}" class="date end">{last.isoformat()}</text>')
    x, y = coords[-1]
    out.append(f'<text x="{min(x, WIDTH - PAD)}" y="{max(y - 10, 12)}" class="value end">newest: '
               f"{escape(points[-1][2])}</text>")
    out.append("</svg>")
    return "".join(out)
