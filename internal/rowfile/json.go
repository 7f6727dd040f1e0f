package rowfile

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
)

// jsonReader streams a JSON array of objects with json.Decoder: one object
// is decoded at a time, keys in the order written.
type jsonReader struct {
	dec   *json.Decoder
	row   int
	begun bool
}

func newJSON(r io.Reader) *jsonReader {
	dec := json.NewDecoder(r)
	dec.UseNumber()
	return &jsonReader{dec: dec}
}

// object is one JSON object with its keys in order and values as raw JSON.
type object struct {
	keys []string
	vals []json.RawMessage
}

// UnmarshalJSON reads the object's members in order; a repeated key is an
// error.
func (o *object) UnmarshalJSON(b []byte) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return fmt.Errorf("not a JSON object (each element of the array is {\"column\": value, ...})")
	}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		key := tok.(string)
		for _, k := range o.keys {
			if k == key {
				return fmt.Errorf("key %q given twice", key)
			}
		}
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return err
		}
		o.keys = append(o.keys, key)
		o.vals = append(o.vals, v)
	}
	return nil
}

// next returns the next object, or io.EOF after the closing bracket.
func (j *jsonReader) next() (*object, error) {
	if !j.begun {
		tok, err := j.dec.Token()
		if err == io.EOF {
			return nil, fmt.Errorf("empty file (want a JSON array of objects)")
		}
		if err != nil {
			return nil, err
		}
		if tok != json.Delim('[') {
			return nil, fmt.Errorf("the file is not a JSON array of objects")
		}
		j.begun = true
	}
	if !j.dec.More() {
		if _, err := j.dec.Token(); err != nil {
			return nil, err
		}
		return nil, io.EOF
	}
	j.row++
	o := new(object)
	if err := j.dec.Decode(o); err != nil {
		return nil, err
	}
	return o, nil
}

// jsonCell classifies one raw JSON value.
func jsonCell(v json.RawMessage) (cell, error) {
	v = bytes.TrimSpace(v)
	switch {
	case len(v) == 0:
		return cell{}, fmt.Errorf("empty value")
	case string(v) == "null":
		return cell{kind: cellNull}, nil
	case string(v) == "true" || string(v) == "false":
		return cell{kind: cellBool, text: string(v)}, nil
	case v[0] == '"':
		var s string
		if err := json.Unmarshal(v, &s); err != nil {
			return cell{}, err
		}
		return cell{kind: cellText, text: s}, nil
	case v[0] == '{' || v[0] == '[':
		return cell{kind: cellJSON, text: string(v)}, nil
	}
	return cell{kind: cellNumber, text: string(v)}, nil
}
