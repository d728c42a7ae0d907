package evaluate

// Violations exposes the independent recount to the tests.
var Violations = violations
