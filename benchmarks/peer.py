"""Bare tantivy-bigram: what a user could wire up in an afternoon, the peer icpolicy is measured against.

One tantivy document per non-empty line of each .txt file: the line stored, and its character
bigrams (lower-cased) as whitespace-separated tokens with positions, so a term is a phrase
query over its bigrams.  No normalisation beyond lower case, no metadata, no highlights.

    python benchmarks/peer.py build CORPUS INDEX
    python benchmarks/peer.py search INDEX QUERY...      # prints the top 10 lines
"""

from __future__ import annotations

import sys
from pathlib import Path

HEAP = 192_000_000  # the same indexing heap as icpolicy's writer
THREADS = 2  # the peer builds in one Python loop: two indexing threads are its better setting


def schema():
    import tantivy

    sb = tantivy.SchemaBuilder()
    sb.add_text_field("bi", tokenizer_name="whitespace", index_option="position")
    sb.add_bytes_field("text", stored=True)
    return sb.build()


def bigrams(text: str) -> str:
    low = "".join(text.lower().split())
    return " ".join(map(str.__add__, low, low[1:]))


def build(corpus: Path, folder: Path) -> int:
    """Index every line of every .txt file; returns the number of passages."""
    import tantivy

    folder.mkdir(parents=True, exist_ok=True)
    index = tantivy.Index(schema(), path=str(folder), reuse=False)
    writer = index.writer(HEAP, THREADS)
    count = 0
    for path in sorted(corpus.rglob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                doc = tantivy.Document()
                doc.add_text("bi", bigrams(line))
                doc.add_bytes("text", line.encode("utf-8"))
                writer.add_document(doc)
                count += 1
    writer.commit()
    writer.wait_merging_threads()
    return count


class Peer:
    """An open peer index."""

    def __init__(self, folder: Path):
        import tantivy

        self.tantivy = tantivy
        self.index = tantivy.Index.open(str(folder))
        self.schema = self.index.schema
        self.searcher = self.index.searcher()

    def term(self, text: str):
        grams = bigrams(text).split()
        Q = self.tantivy.Query
        if not grams:
            return Q.regex_query(self.schema, "bi", f"{text.lower()}.")
        return Q.term_query(self.schema, "bi", grams[0]) if len(grams) == 1 else Q.phrase_query(self.schema, "bi", grams)

    def query(self, text: str):
        """Space-separated terms (AND), "quoted" phrases kept whole."""
        terms = [t for t in text.replace('"', " ").split()] if not text.startswith('"') else [text.strip('"')]
        if len(terms) == 1:
            return self.term(terms[0])
        return self.tantivy.Query.boolean_query([(self.tantivy.Occur.Must, self.term(t)) for t in terms])

    def search(self, text: str, limit: int = 10) -> list[str]:
        """The top lines, read from the store."""
        found = self.searcher.search(self.query(text), limit=limit)
        return [bytes(self.searcher.doc(address)["text"][0]).decode("utf-8") for _, address in found.hits]


def main(argv: list[str]) -> int:
    if argv[:1] == ["build"]:
        print(build(Path(argv[1]), Path(argv[2])))
    elif argv[:1] == ["search"]:
        for line in Peer(Path(argv[1])).search(" ".join(argv[2:])):
            print(line)
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
