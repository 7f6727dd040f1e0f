package mysql

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/dbtest"
)

func TestLock(t *testing.T) {
	db := dbtest.MySQL(t)
	ctx := context.Background()
	// Lock names are server-wide: make this one the test's own.
	name := "retort_test_lock_" + db.Name + strings.Repeat("x", 60)
	a, err := db.Conn(ctx)
	require.NoError(t, err)
	defer a.Close()
	b, err := db.Conn(ctx)
	require.NoError(t, err)
	defer b.Close()

	require.NoError(t, testDialect.Lock(ctx, a, name, time.Second))
	start := time.Now()
	err = testDialect.Lock(ctx, b, name, time.Second)
	require.Error(t, err)
	assert.True(t, errors.Is(err, dialect.ErrLockTimeout), err.Error())
	assert.GreaterOrEqual(t, time.Since(start), 900*time.Millisecond)
	assert.Contains(t, err.Error(), "held by connection", "the message names the holder")
	assert.Error(t, testDialect.Unlock(ctx, b, name), "b does not hold the lock")

	require.NoError(t, testDialect.Unlock(ctx, a, name))
	require.NoError(t, testDialect.Lock(ctx, b, name, time.Second))
	require.NoError(t, testDialect.Unlock(ctx, b, name))
	assert.Error(t, testDialect.Unlock(ctx, b, name), "released twice")
}
