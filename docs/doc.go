// Package docs holds Retort's user documentation (the Markdown files in
// this folder). Its tests run the commands the documents show, so that
// they stay true: TestTutorial runs every sh block of tutorial.md on
// SQLite; the other tests check the guides against the CLI.
package docs
