package ops

import "errors"

// ErrIrreversible is wrapped by the error [Op.Reverse] returns when an op
// does not carry what its reverse needs. The message names the op and the
// field to add to the revision file.
var ErrIrreversible = errors.New("operation is irreversible")

// ErrNotFoldable is wrapped by the error [Apply] returns for an op whose
// effect on the schema cannot be known without a database (execute).
// Offline mode warns and goes on; [ApplyAll] skips such ops.
var ErrNotFoldable = errors.New("operation cannot be folded onto a model")

// sentinelError is an error with its own message that matches a sentinel
// under errors.Is, so messages read "drop_column users.email: ..." rather
// than ending in the sentinel's text.
type sentinelError struct {
	msg      string
	sentinel error
}

func (e *sentinelError) Error() string        { return e.msg }
func (e *sentinelError) Is(target error) bool { return target == e.sentinel }

// irreversible returns an error wrapping ErrIrreversible: "<what>: reverse
// needs <need>".
func irreversible(what, need string) error {
	return &sentinelError{msg: what + ": reverse needs " + need, sentinel: ErrIrreversible}
}
