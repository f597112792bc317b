"""The editors' tools: a phrasebank checkout in, what an edit does to the articles out.

lint.py       every problem in a phrasebank, as file:line:col
variants.py   every wording of one message for one pair
coverage.py   how often each variant is eligible and chosen, and what never is
diff.py       the sentences an edit changes in the golden articles (`articlegen diff`)
serve.py      a live preview page, with serve_assets/
"""
