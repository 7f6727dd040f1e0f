package mysql

import (
	"fmt"

	"github.com/retortdb/retort/ops"
)

// onlineClause is what concurrently: true asks of an index build or drop:
// an in-place change that lets reads and writes go on. The server refuses
// it (Error 1846, "ALGORITHM=INPLACE is not supported") rather than
// falling back to a copy under a lock.
const onlineClause = "ALGORITHM=INPLACE LOCK=NONE"

// refuseNotValid refuses NOT VALID constraints and validate_constraint:
// MySQL and MariaDB have no constraint that is enforced for new rows but
// not yet checked for old ones (one added under foreign_key_checks=0 is
// never checked at all), so the op cannot be done as asked.
func refuseNotValid(list []ops.Op) error {
	for i, o := range list {
		what := ""
		switch o := o.(type) {
		case *ops.CreateForeignKey:
			if o.NotValid {
				what = "create_foreign_key with not_valid"
			}
		case *ops.CreateCheckConstraint:
			if o.NotValid {
				what = "create_check_constraint with not_valid"
			}
		case *ops.ValidateConstraint:
			what = "validate_constraint"
		}
		if what != "" {
			return fmt.Errorf("mysql: op %d (%s): MySQL and MariaDB have no NOT VALID constraints; add the constraint plainly (ALGORITHM=INPLACE checks a foreign key without copying the table)", i+1, what)
		}
	}
	return nil
}
