package versions

import (
	"errors"

	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/ops"
)

// decodeBody turns the upgrade and downgrade lists into operations.
func (r *Revision) decodeBody() error {
	var err error
	if r.body.upgrade != nil {
		if r.Upgrade, err = ops.DecodeList(r.Path, r.body.upgrade); err != nil {
			return opsError(r.Path, err)
		}
	}
	if r.body.downgrade != nil {
		if r.Downgrade, err = ops.DecodeList(r.Path, r.body.downgrade); err != nil {
			return opsError(r.Path, err)
		}
	}
	r.UpgradeLines = opLines(r.body.upgrade, len(r.Upgrade))
	r.body.upgrade, r.body.downgrade = nil, nil
	if r.DowngradeDerived {
		r.Downgrade, r.DowngradeErr = r.deriveDowngrade()
	}
	return nil
}

// opsError makes the errors of ops.DecodeList (already positioned) a
// FileError at the first problem, keeping them reachable with errors.As.
func opsError(path string, err error) error {
	fe := &FileError{Path: path, Err: err}
	var me *metadata.Error
	if errors.As(err, &me) {
		fe.Line, fe.Column = me.Line, me.Column
	}
	return fe
}
