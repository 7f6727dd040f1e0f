package lint

// Severity orders findings: Info < Warning < Error.
type Severity int

// Severities, weakest first.
const (
	Info Severity = iota + 1
	Warning
	Error
)

func (s Severity) String() string {
	switch s {
	case Info:
		return "info"
	case Warning:
		return "warning"
	case Error:
		return "error"
	}
	return "none"
}

// MarshalText writes the severity's name, for JSON.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// ParseSeverity reads "info", "warning" or "error" (and "none", which no
// finding reaches).
func ParseSeverity(s string) (Severity, bool) {
	switch s {
	case "info":
		return Info, true
	case "warning":
		return Warning, true
	case "error":
		return Error, true
	case "none":
		return Error + 1, true
	}
	return 0, false
}

// Category groups rules as the issue does.
type Category string

// Categories of rules.
const (
	Destructive          Category = "destructive"
	Blocking             Category = "blocking"
	DataDependent        Category = "data-dependent"
	BackwardIncompatible Category = "backward-incompatible"
	Hygiene              Category = "hygiene"
)

// Rule is one check: a stable id (used in ignore lists and by the online
// operations of issue 17), its category, default severity, why it
// matters, and the safe alternative.
type Rule struct {
	ID       string
	Category Category
	Severity Severity
	Why      string
	Instead  string
}

// Rule ids. They are stable: revision files name them in lint: {ignore:
// [...]} and in "# lint: ignore ..." comments, and the online operations
// name the rule each one avoids.
const (
	DropTable            = "drop-table"
	DropColumn           = "drop-column"
	DropEnum             = "drop-enum"
	DropEnumValue        = "drop-enum-value"
	DropSchema           = "drop-schema"
	NarrowType           = "narrow-type"
	BulkDeleteRule       = "bulk-delete"
	DeleteWithoutWhere   = "delete-without-where"
	UpdateWithoutWhere   = "update-without-where"
	TruncateTable        = "truncate-table"
	TableRewrite         = "table-rewrite"
	ValidationScan       = "validation-scan"
	IndexBlocksWrites    = "index-blocks-writes"
	BlockingLock         = "blocking-lock"
	UniqueExistingRows   = "unique-on-existing-rows"
	NotNullExistingRows  = "not-null-on-existing-rows"
	CheckExistingRows    = "check-on-existing-rows"
	ForeignKeyExisting   = "foreign-key-on-existing-rows"
	RequiredColumn       = "required-column-without-default"
	RenameColumn         = "rename-column"
	RenameTable          = "rename-table"
	ChangeColumnType     = "change-column-type"
	NoPrimaryKey         = "table-without-primary-key"
	MixedDDLData         = "mixed-ddl-and-data"
	ConcurrentlyInTx     = "concurrently-in-transaction"
	MissingLockTimeout   = "missing-lock-timeout"
	IntPrimaryKey        = "int-primary-key"
	TimestampWithoutZone = "timestamp-without-time-zone"
	UnmeasuredStatement  = "unmeasured-statement"
	GaleraUnreplicated   = "galera-unreplicated"
)

// Rules are every rule lint knows, by id.
var Rules = map[string]Rule{
	DropTable:            {DropTable, Destructive, Warning, "drops the table and its rows: data that cannot come back, and the running application still reads it", "stop using the table in a release first (expand/contract), back it up, then drop it in a later revision"},
	DropColumn:           {DropColumn, Destructive, Warning, "drops the column's data for good, and the running application still selects it", "stop reading the column in a release first (expand/contract), then drop it in a later revision"},
	DropEnum:             {DropEnum, Destructive, Warning, "drops an enum type", "drop it once no release uses it"},
	DropEnumValue:        {DropEnumValue, Destructive, Warning, "removes an enum value: rows holding it make the revision fail, the running application may still write it", "move rows off the value in a data revision, stop writing it in a release, then drop it"},
	DropSchema:           {DropSchema, Destructive, Error, "drops a whole schema with everything in it", "drop its objects one by one in reviewed revisions"},
	NarrowType:           {NarrowType, Destructive, Warning, "narrows a column type: longer or larger values fail the change, or are cut", "add a new column, backfill and check it, switch the application, then drop the old one"},
	BulkDeleteRule:       {BulkDeleteRule, Destructive, Warning, "deletes rows: they cannot come back", "keep seed removals in their own reviewed revision"},
	DeleteWithoutWhere:   {DeleteWithoutWhere, Destructive, Error, "DELETE without WHERE empties the table", "add a WHERE clause, or use drop_table if that is meant"},
	UpdateWithoutWhere:   {UpdateWithoutWhere, Destructive, Error, "UPDATE without WHERE overwrites every row", "add a WHERE clause; backfill in batches"},
	TruncateTable:        {TruncateTable, Destructive, Warning, "TRUNCATE removes every row (and CASCADE those of referencing tables) under an exclusive lock", "delete the rows meant, in batches"},
	TableRewrite:         {TableRewrite, Blocking, Error, "rewrites the whole table under a lock that blocks reads and writes for as long as the copy takes", "add a new column and backfill in batches, or use an online schema change (issue 17's online ops)"},
	ValidationScan:       {ValidationScan, Blocking, Warning, "scans every row to validate while holding a lock that blocks writes", "add the constraint NOT VALID, then VALIDATE it in a later revision (PostgreSQL); on MySQL use an online schema change"},
	IndexBlocksWrites:    {IndexBlocksWrites, Blocking, Warning, "builds an index while blocking writes to the table", "create the index CONCURRENTLY in a non-transactional revision (PostgreSQL); MySQL: ALGORITHM=INPLACE, LOCK=NONE"},
	BlockingLock:         {BlockingLock, Blocking, Info, "takes a lock that blocks reads and writes; brief, but it queues behind any long transaction and everything queues behind it", "set lock_timeout (lock_wait_timeout on MySQL) and retry"},
	UniqueExistingRows:   {UniqueExistingRows, DataDependent, Warning, "a unique index or constraint fails when existing rows hold duplicates", "find and merge duplicates first; on PostgreSQL build the unique index CONCURRENTLY, then attach it as a constraint"},
	NotNullExistingRows:  {NotNullExistingRows, DataDependent, Warning, "SET NOT NULL fails when a row holds NULL", "backfill the NULLs first; on PostgreSQL add CHECK (col IS NOT NULL) NOT VALID, validate it, then set NOT NULL"},
	CheckExistingRows:    {CheckExistingRows, DataDependent, Warning, "a check constraint fails when existing rows break it", "fix the rows first; add it NOT VALID and validate later"},
	ForeignKeyExisting:   {ForeignKeyExisting, DataDependent, Warning, "a foreign key fails when rows reference missing parents", "delete or fix orphans first; add it NOT VALID and validate later"},
	RequiredColumn:       {RequiredColumn, DataDependent, Error, "a NOT NULL column without a default fails on a table with rows, and breaks the running application's inserts", "add it nullable (or with a default), backfill, then set NOT NULL"},
	RenameColumn:         {RenameColumn, BackwardIncompatible, Warning, "the running application still uses the old column name", "add the new column, write both, backfill, switch reads, then drop the old one (expand/contract)"},
	RenameTable:          {RenameTable, BackwardIncompatible, Warning, "the running application still uses the old table name", "create the new table (or a view under the old name), migrate, then drop the old one"},
	ChangeColumnType:     {ChangeColumnType, BackwardIncompatible, Info, "the running application may read or write the column with the old type", "add a column of the new type and switch over"},
	NoPrimaryKey:         {NoPrimaryKey, Hygiene, Warning, "a table without a primary key cannot be replicated logically (PostgreSQL) and is refused or slow on Galera", "give it a primary key"},
	MixedDDLData:         {MixedDDLData, Hygiene, Warning, "a revision that runs outside a transaction mixes schema changes and data changes: a failure half-way leaves both half done", "split the data changes into their own revision"},
	ConcurrentlyInTx:     {ConcurrentlyInTx, Hygiene, Error, "CONCURRENTLY cannot run inside a transaction: the revision fails", "set transactional: false on this revision and keep it to the concurrent statement"},
	MissingLockTimeout:   {MissingLockTimeout, Hygiene, Info, "a lock-taking statement without lock_timeout waits behind long transactions while every query on the table waits behind it", "begin the revision with SET lock_timeout = '5s' (SET SESSION lock_wait_timeout = 5 on MySQL)"},
	IntPrimaryKey:        {IntPrimaryKey, Hygiene, Info, "a 32-bit primary key runs out at 2^31 rows, and widening it later rewrites the table", "use bigint"},
	TimestampWithoutZone: {TimestampWithoutZone, Hygiene, Info, "timestamp without time zone loses which instant was meant", "use timestamptz"},
	GaleraUnreplicated:   {GaleraUnreplicated, Hygiene, Warning, "Galera does not replicate it: LOCK TABLES and GET_LOCK are local to one node, and only InnoDB tables replicate", "use InnoDB tables and transactions; retort's migration lock is cluster-wide already"},
	UnmeasuredStatement:  {UnmeasuredStatement, Blocking, Info, "the statement could not be measured on the scratch database", "check its locks by hand"},
}
