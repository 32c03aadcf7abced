"""`lazy`: a cached attribute without cached_property's lock.

functools.cached_property (Python ≤ 3.11) takes a lock on every first access; a report creates
thousands of Line and Cell objects, each read once or twice, so the lock costs more than the
value. These objects live in one thread, so a plain non-data descriptor that stores the value in
the instance's __dict__ is enough: the second access never reaches the descriptor.
"""
from __future__ import annotations


class lazy:  # noqa: N801 - used like a decorator, as cached_property is
    def __init__(self, func):
        self.func = func
        self.name = func.__name__
        self.__doc__ = func.__doc__

    def __set_name__(self, owner, name):
        self.name = name

    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        value = self.func(obj)
        obj.__dict__[self.name] = value
        return value
