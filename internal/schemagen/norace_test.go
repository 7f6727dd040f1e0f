//go:build !race

package schemagen

const raceEnabled = false
