"""Organ matching as the organ registry grows from 100 to 10,000 names.

The loaders read the registry through ``organ_registry()`` (``loaders/lexicon.py``, cached),
imported by name into ``organs``, ``extract`` and ``symbols``. There is no parameter to pass
another registry, so this benchmark swaps a synthetic one in for the duration of each
measurement (:func:`registry_of_size`) and restores the real one afterwards.

Two timings per size: ``resolve_organ`` on 2,000 distinct mentions as the extractor meets
them (relative names in a provincial scope and collective addressees, registered names,
sub-units of registered organs, unknown names), and ``extract_text`` on 100 generated
documents (every organ lookup of the pipeline, type lines included). The mentions are the
same for every size (built from the real registry), and the resolution caches are emptied
before each timed round, so every mention is resolved afresh; each timing is the best of
a few rounds of CPU time. Linear growth in the registry size means a scan per lookup; a
dictionary or index keeps the time flat.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from bench.common import corpus, machine, timer
from vanban.loaders import lexicon, organs
from vanban.loaders.extract import extract_text
from vanban.loaders.files import read_text
from vanban.loaders.lexicon import OrganRegistry
from vanban.loaders.text import fold
from vanban.pipeline import collect_files

__all__ = ["registry_of_size", "run", "swapped_registry"]

_UNITS = ("Ban Chỉ đạo", "Hội đồng", "Ủy ban", "Ban cán sự đảng", "Đảng đoàn", "Đảng ủy", "Văn phòng",
          "Vụ", "Cục", "Viện", "Trung tâm", "Học viện", "Tổng cục", "Ban Quản lý", "Hội", "Quỹ",
          "Tạp chí", "Báo", "Nhà xuất bản", "Trường")
_FIELDS = ("Phòng chống thiên tai", "Cải cách hành chính", "Chuyển đổi số", "Dân tộc", "Tôn giáo",
           "Thi đua khen thưởng", "Bảo vệ chính trị nội bộ", "Công tác phía Nam", "Tây Nguyên",
           "Tây Bắc", "Lý luận", "Kinh tế biển", "An toàn thực phẩm", "Giảm nghèo", "Nông thôn mới",
           "Biên giới", "Người Việt Nam ở nước ngoài", "Văn hóa", "Khoa học", "Giáo dục",
           "Y tế", "Lao động", "Thanh niên", "Phụ nữ", "Cựu chiến binh", "Nông dân", "Công đoàn",
           "Doanh nghiệp", "Hợp tác xã", "Du lịch", "Môi trường", "Năng lượng", "Giao thông",
           "Xây dựng", "Tài chính", "Ngân hàng", "Thuế", "Hải quan", "Kiểm toán", "Thanh tra",
           "Tư pháp", "Nội vụ", "Ngoại giao", "Quốc phòng", "An ninh", "Thông tin", "Báo chí",
           "Xuất bản", "Lưu trữ", "Cơ yếu")
_SUFFIXES = ("Trung ương", "Chính phủ", "Quốc hội", "Việt Nam", "quốc gia", "Trung ương Đảng",
             "Khối các cơ quan Trung ương", "Khối Doanh nghiệp Trung ương", "miền Bắc", "miền Nam")
_MENTIONS = (
    "Ban Tuyên giáo Tỉnh ủy", "Ban Thường vụ Tỉnh ủy", "Ban Dân vận Tỉnh ủy", "Ủy ban Kiểm tra Tỉnh ủy",
    "Văn phòng Tỉnh ủy", "Đảng đoàn Mặt trận Tổ quốc tỉnh", "Các huyện ủy, thành ủy, đảng ủy trực thuộc",
    "Ban Bí thư Trung ương Đảng", "Ban Dân vận Trung ương", "Bộ Chính trị", "Huyện ủy Cao Lộc",
    "Ban Tuyên giáo Huyện ủy Văn Lãng", "Đảng đoàn Mặt trận Tổ quốc Việt Nam", "Ban Nội chính Trung ương",
    "Ban Thường vụ Tỉnh đoàn", "Các chi bộ, đảng bộ cơ sở", "Sở Nội vụ tỉnh",
)


def registry_of_size(n: int, seed: int = 1) -> OrganRegistry:
    """The real registry plus synthetic central organs, ``n`` entries in all.

    Built by the loader's own code (``organ_registry`` uncached) from the real rows of
    ``organs.tsv`` and synthetic rows, so it has whatever indexes the loader builds.
    """
    real_rows = lexicon._rows("organs.tsv")
    rows = list(real_rows)
    rng = random.Random(seed)
    names = [f"{u} {f} {s}" for u in _UNITS for f in _FIELDS for s in _SUFFIXES]
    rng.shuffle(names)
    known = {fold(r["name"]) for r in rows}
    for name in names:
        if len(rows) >= n:
            break
        if fold(name) not in known:
            rows.append({"name": name, "aliases": "", "codes": "", "parent": ""})
            known.add(fold(name))
    original = lexicon._rows
    lexicon._rows = lambda name: rows if name == "organs.tsv" else original(name)
    try:
        return lexicon.organ_registry.__wrapped__()
    finally:
        lexicon._rows = original


@contextmanager
def swapped_registry(registry: OrganRegistry) -> Iterator[None]:
    """Make every loader module see ``registry`` as ``organ_registry()`` for a while."""
    modules = [m for name, m in sorted(sys.modules.items())
               if name.startswith("vanban.loaders") and hasattr(m, "organ_registry")]
    saved = [(m, m.organ_registry) for m in modules]
    try:
        for m in modules:
            m.organ_registry = lambda: registry
        organs._registered.cache_clear()
        yield
    finally:
        for m, original in saved:
            m.organ_registry = original
        organs._registered.cache_clear()


def _mentions(count: int) -> list[str]:
    """``count`` distinct mentions, the same whatever the registry's size: relative names and
    groups, registered names, sub-units of registered organs and unknown names, in turn."""
    rng = random.Random(7)
    real = [e.name for e in registry_of_size(0).entries]
    kinds = (
        lambda: f"{rng.choice(_MENTIONS)} {rng.choice(_FIELDS).lower()}",
        lambda: rng.choice(real),
        lambda: f"{rng.choice(_UNITS)} {rng.choice(_FIELDS)} {rng.choice(real)}",
        lambda: f"{rng.choice(_UNITS)} {rng.choice(_FIELDS)} tỉnh {rng.choice(_PLACES)}",
    )
    out: list[str] = []
    seen: set[str] = set()
    while len(out) < count:
        kind = len(out) % len(kinds)
        mention = kinds[kind]()
        if mention not in seen or kind == 1:  # the registry's own names repeat
            seen.add(mention)
            out.append(mention)
    return out


_PLACES = ("Lạng Sơn", "Lào Cai", "Cao Bằng", "Hà Giang", "Yên Bái", "Sơn La", "Điện Biên", "Lai Châu",
           "Bắc Kạn", "Thái Nguyên", "Tuyên Quang", "Phú Thọ", "Bắc Giang", "Quảng Ninh", "Hòa Bình")


def _clear_caches() -> None:
    """Forget every organ resolved so far (the next lookups do the whole work again)."""
    for cached in (organs._resolve_cached, organs.clean_organ_text, organs.looks_like_organ,
                   organs._registered):
        cached.cache_clear()


def _best_cpu(rounds: int, work) -> float:
    """The smallest CPU time of ``rounds`` runs of ``work``, caches emptied before each."""
    best = float("inf")
    for _ in range(rounds):
        _clear_caches()
        with timer() as t:
            work()
        best = min(best, t[1])
    return best


def run(sizes: list[int], docs: int = 100) -> dict[int, tuple[float, float]]:
    print("== organ matching vs registry size ==")
    print(f"machine: {machine()}")
    scope = organs.OrganScope.of(organs.resolve_organ("Tỉnh ủy Lạng Sơn"))
    files = collect_files([corpus(1000) / "docs"])[:docs]
    texts = [(p.name, read_text(p)) for p in files]
    results: dict[int, tuple[float, float]] = {}
    print("(CPU time of this process)")
    print(f"{'registry':>9} {'resolve 2,000 mentions (ms)':>28} {'µs/mention':>11} "
          f"{f'extract {len(texts)} docs (s)':>20}")
    mentions = _mentions(2000)
    for n in sizes:
        registry = registry_of_size(n)
        with swapped_registry(registry):
            for m in mentions[:50]:  # warm the regex and function caches
                organs.resolve_organ(m, scope)
            t_resolve = _best_cpu(5, lambda: [organs.resolve_organ(m, scope) for m in mentions])
            t_extract = _best_cpu(3, lambda: [extract_text(text, name) for name, text in texts])
        results[n] = (t_resolve, t_extract)
        print(f"{len(registry.entries):>9,} {t_resolve * 1000:>28.1f} {t_resolve / 2000 * 1e6:>11.1f} "
              f"{t_extract:>20.2f}")
    lo, hi = min(results), max(results)
    print(f"growth {lo:,} → {hi:,} names: resolve ×{results[hi][0] / results[lo][0]:.1f}, "
          f"extract ×{results[hi][1] / results[lo][1]:.2f} (flat would be ×1)")
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.organs", description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 3000, 10000])
    parser.add_argument("--docs", type=int, default=100, help="generated documents to extract per size")
    args = parser.parse_args(argv)
    run(args.sizes, args.docs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
