"""Pure rules of a 112 centre: enums, value objects and state machines. No Qt, no SQL."""
