package claims

import (
	"errors"
	"fmt"
)

// ErrInvalidUTF8 is matched (errors.Is) by an *InvalidUTF8Error.
var ErrInvalidUTF8 = errors.New("invalid UTF-8")

// ErrTooLarge is matched (errors.Is) by a *TooLargeError.
var ErrTooLarge = errors.New("input too large")

// ErrUnknownLanguage is returned when a document names a language that no
// installed pack covers.
var ErrUnknownLanguage = errors.New("unknown language")

// ErrInternal reports a bug in hearsay met while reading a document; the
// document is skipped and the extractor stays usable. Please report it
// with the input.
var ErrInternal = errors.New("internal error")

// InvalidUTF8Error reports the first byte that is not valid UTF-8: hearsay
// reports byte offsets into the input, which are only well defined on
// valid text, so it refuses rather than silently repairing.
type InvalidUTF8Error struct {
	Offset int
}

func (e *InvalidUTF8Error) Error() string {
	return fmt.Sprintf("invalid UTF-8 at byte %d", e.Offset)
}

// Is makes errors.Is(err, ErrInvalidUTF8) true.
func (e *InvalidUTF8Error) Is(target error) bool { return target == ErrInvalidUTF8 }

// TooLargeError reports a document over the extractor's size limit.
type TooLargeError struct {
	Size, Limit int
}

func (e *TooLargeError) Error() string {
	return fmt.Sprintf("document of %d bytes is over the limit of %d bytes", e.Size, e.Limit)
}

// Is makes errors.Is(err, ErrTooLarge) true.
func (e *TooLargeError) Is(target error) bool { return target == ErrTooLarge }
