"""Resolution scores a citation against the candidates of its date and places only when the others cannot change
the link (``resolve.Group.near``, ``_FAR_MAX``, ``far_bound``): the result must be the one of scoring them all."""
from __future__ import annotations

import random
from dataclasses import replace

from vnadmin_nlp.linking.facts import Cited
from vnadmin_nlp.linking.resolve import Candidate, Group, far_bound, resolve_in, resolve_one, score

PLACES = ["tinh-binh-thuan", "tinh-tra-vinh", "tinh-nghe-an", "tinh-khanh-hoa", "tinh-lam-dong"]
BODIES = {"so-tu-phap": "Sở Tư pháp", "ubnd-tinh": "Ủy ban nhân dân tỉnh"}


def _doc(i: int, rng: random.Random) -> Candidate:
    place = rng.choice(PLACES + [None])  # type: ignore[list-item]
    body = rng.choice(list(BODIES) + [None])  # type: ignore[list-item]
    year = rng.choice([2020, 2021, 2022])
    date = rng.choice([f"{year}-0{rng.randint(1, 3)}-1{rng.randint(0, 2)}", f"{year}-05", None])
    # with the place, a body's name is "Sở Tư pháp" and "Sở Tư pháp tỉnh …", or only the latter ("Ủy ban nhân dân
    # tỉnh Trà Vinh": a citation of "Ủy ban nhân dân tỉnh" matches it partially)
    slugs = rng.choice([(body, f"{body}-{place}"), (f"{body}-{place}",)]) if body and place else (body,) if body else ()
    return Candidate(i, f"/c/{i:04d}.txt", "1/BC-STP", "1/BC-STP", year, date, rng.choice(["Báo cáo", "Kế hoạch"]),
                     BODIES[body] if body else None, slugs, rng.choice(["STP", "UBND"]), (place,) if place else ())


def _cite(rng: random.Random, src: int) -> Cited:
    place = rng.choice(PLACES + [None, None])  # type: ignore[list-item]
    body = rng.choice(list(BODIES) + [None])  # type: ignore[list-item]
    year = rng.choice([2020, 2021, None])
    date = rng.choice([f"{year}-0{rng.randint(1, 3)}-1{rng.randint(0, 2)}", f"{year}-0{rng.randint(1, 5)}", None]) if year else None
    slugs = ((f"{body}-{place}",) if place else (body,)) if body else ()
    return Cited("1/BC-STP", "1/BC-STP", "1/BC-STP", rng.choice(["STP", "UBND", "HĐND", None]), year, date, rng.choice(["Báo cáo", "Văn bản", None]),
                 BODIES[body] if body else None, slugs, src=src, idx=0,
                 src_places=(rng.choice(PLACES),), places=(place,) if body and place else (),
                 src_date=rng.choice(["2022-12-31", "2021-02-15"]))


def _group(rng: random.Random, most: int) -> tuple[list[Candidate], Group]:
    docs = [_doc(i, rng) for i in range(rng.randint(1, most))]
    group = Group()
    for d in docs:
        group.add(d)
    return docs, group


def test_near_candidates_give_the_link_of_all_candidates():
    rng = random.Random(14)
    for trial in range(300):
        docs, group = _group(rng, 40)
        for _ in range(10):
            c = _cite(rng, src=rng.randint(0, 60))
            assert resolve_in(c, [group]) == resolve_one(c, docs), (trial, c)


def test_an_undated_citation_is_scored_against_its_places_only():
    group = Group()
    docs = [Candidate(i, f"/c/{i}.txt", "1/BC-STP", "1/BC-STP", 2021, "2021-03-10", "Báo cáo", "Sở Tư pháp",
                      ("so-tu-phap", f"so-tu-phap-{p}"), "STP", (p,)) for i, p in enumerate(PLACES)]
    for d in docs:
        group.add(d)
    # "Báo cáo số 1/BC-STP của Sở Tư pháp" (no date) in a document of Trà Vinh
    c = Cited("1/BC-STP", "1/BC-STP", "1/BC-STP", "STP", 2021, None, "Báo cáo", "Sở Tư pháp", ("so-tu-phap",),
              src=99, idx=0, src_places=("tinh-tra-vinh",))
    assert [d.places for d in group.near(c)] == [("tinh-tra-vinh",)]
    res = resolve_in(c, [group])
    assert res.dst == 1 and res == resolve_one(c, docs)
    assert res.reason.endswith("4 other candidate(s)")  # the others are counted, not scored
    # the same citation in a document of a province that has no such report: every province's report scores
    # alike, so all are scored and the citation stays unresolved rather than taking one of them
    far = replace(c, src_places=("tinh-ha-giang",))
    assert group.near(far) == []
    res = resolve_in(far, [group])
    assert res.dst is None and res.reason.startswith("ambiguous: 5 candidates") and res == resolve_one(far, docs)


def test_far_bound_counts_only_what_the_citation_gives():
    bare = Cited("1/BC-STP", "1/BC-STP", "1/BC-STP", "STP", None, None, None, None, ())
    assert far_bound(bare) == 0.55
    assert far_bound(replace(bare, year=2021, doc_type="Báo cáo")) == 0.75
    assert far_bound(replace(bare, year=2021, issuer_slugs=("so-tu-phap",))) == 0.9
    # when no far candidate bears the issuer's name, one is at most a partial match ("Sở Tư pháp tỉnh …")
    assert far_bound(replace(bare, year=2021, issuer_slugs=("so-tu-phap",)), exact=False) == 0.8
    # an issuer with its place conflicts with every issuer of another place: it cannot raise a far candidate
    assert far_bound(replace(bare, year=2021, issuer_slugs=("so-tu-phap-tinh-tra-vinh",), places=("tinh-tra-vinh",))) == 0.7
    assert far_bound(replace(bare, doc_type="Văn bản")) == 0.55  # a generic type says nothing
    # a local code without an issuer: another place's "1/NQ-HĐND" is capped like any weak local match
    assert far_bound(replace(bare, year=2021, issuer_code="HĐND", doc_type="Nghị quyết")) == 0.6
    assert far_bound(replace(bare, year=2021, issuer_code="HĐND", issuer_slugs=("hdnd-tinh",))) == 0.9
    # "Hội đồng nhân dân tỉnh": every far candidate's name has its place ("… tỉnh Đắk Lắk"), a partial match
    assert far_bound(replace(bare, year=2021, issuer_code="HĐND", issuer_slugs=("hdnd-tinh",)), exact=False) == 0.6
    # a full date: a far candidate is of another date (−0.2), and without an issuer to confirm it at most 0.45
    dated = replace(bare, year=2021, date="2021-03-10", doc_type="Báo cáo")
    assert far_bound(dated) == 0.45
    assert far_bound(replace(dated, issuer_slugs=("so-tu-phap",))) == 0.75
    assert far_bound(replace(dated, issuer_slugs=("so-tu-phap",)), exact=False) == 0.65


def test_far_bound_bounds_every_candidate_that_is_not_near():
    """The invariant the pruning rests on, checked candidate by candidate: whatever ``near`` leaves out scores at
    most ``far_bound`` (or is ruled out)."""
    rng = random.Random(17)
    checked = 0
    for _ in range(400):
        docs, group = _group(rng, 30)
        for _ in range(10):
            c = _cite(rng, src=99)
            if c.issuer_slugs and c.places:  # settled by the near ones, never bounded (see resolve_in)
                continue
            near = {d.id for d in group.near(c)}
            bound = far_bound(c, group.far_exact(c, near))
            for d in docs:
                s = score(c, d)[0]
                if d.id not in near and s is not None:
                    assert s <= bound + 1e-9, (c, d, s)
                    checked += 1
    assert checked > 1000
