"""Records: the frozen values the stages hand each other (models.py) and the query tree
(engine/query.py), as named tuples that equal only records of their own class.

Why not dataclasses: every command imports these, and on Python 3.11 `import dataclasses`
costs ~18 ms (it imports inspect, ast and dis) and each frozen dataclass ~1.3 ms to define
(it compiles its methods from source).  The 21 on a one-shot search's path came to ~40 ms of
its ~135 ms; a named tuple is defined in ~0.1 ms.  A plain named tuple equals any tuple of the
same values (And((a, b)) == Or((a, b))), which a record does not.

    class Region(Record, namedtuple("Region", "path", defaults=((),))):
        __slots__ = ()

A record is immutable (setting a field raises AttributeError), hashable when its values are,
pickles by its class, and `record._replace(field=value)` is dataclasses.replace.
"""

from __future__ import annotations


class Record:
    """Mixed in before a namedtuple base: equality and hash that know the record's class."""

    __slots__ = ()

    def __eq__(self, other):
        return type(other) is type(self) and tuple.__eq__(self, other)

    def __ne__(self, other):
        return not self.__eq__(other)

    __hash__ = tuple.__hash__  # (defining __eq__ would otherwise leave the class unhashable)
