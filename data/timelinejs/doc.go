// Package timelinejs imports Knight Lab TimelineJS files, the JSON format
// and the Google Sheets template saved as CSV, into a dataset, with every
// problem at its line and column, and converts between TimelineJS's HTML
// slide text and our plain text. Writing those formats is data/export's.
package timelinejs
