package main

import (
	"context"
	"errors"
	"os"

	"github.com/retortdb/retort/autogen"
	"github.com/retortdb/retort/versions"
)

// autogenerateOnline is revision --autogenerate --online: the changes in
// their online forms (autogen.Online), one revision per stage, each
// following the one before; the first follows --head and carries the
// branch labels and --rev-id.
func (a *app) autogenerateOnline(ctx context.Context, o newRevision, f autogenFlags) error {
	cmp, err := a.detectChanges(ctx, f)
	if err != nil {
		return err
	}
	res := cmp.Result
	stages, err := autogen.Online(cmp.Dialect, res.Ops)
	if err != nil {
		return err
	}
	if len(stages) == 0 {
		stages = []autogen.Stage{{Transactional: true}} // nothing changed: one empty revision, as without --online
	}
	warnings := res.Warnings
	for k, s := range stages {
		so := o
		so.message = autogen.StageMessage(o.message, k, len(stages), s)
		if k > 0 {
			so.revID, so.labels, so.dependsOn, so.splice = "", nil, nil, false
		}
		r, err := a.generate(so)
		if err != nil {
			return err
		}
		r.Transactional, r.Upgrade, r.Downgrade = s.Transactional, s.Ops, s.Downgrade
		if err := a.writeRevision(r, warnings); err != nil {
			return errors.Join(err, os.Remove(r.Path))
		}
		if err := a.printGenerated(r); err != nil {
			return err
		}
		warnings, o.heads = nil, []string{r.ID}
	}
	return nil
}

// writeRevision renders r, whose ops are set, into its file, with the
// warnings first.
func (a *app) writeRevision(r *versions.Revision, warnings []string) error {
	data, err := autogen.Render(r, warnings)
	if err != nil {
		return err
	}
	return os.WriteFile(r.Path, append([]byte(a.modeline(r.Path)), data...), 0o644)
}
