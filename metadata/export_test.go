package metadata

// WriteWhole is [Write] as it was before it encoded one table at a time:
// the whole model as one node tree and one YAML document, to check that
// the bytes are the same.
func WriteWhole(m *MetaData) ([]byte, error) {
	o := &out{m: m}
	return encodeYAML(nil, o.document(), o)
}

// ExpandTokens is expandTokens, for the test against tokenRE.
var ExpandTokens = expandTokens

// ExpandTokensRE is what expandTokens replaced: tokenRE's matches.
func ExpandTokensRE(tmpl string, value func(string) string) string {
	return tokenRE().ReplaceAllStringFunc(tmpl, func(tok string) string { return value(tokenRE().FindStringSubmatch(tok)[1]) })
}
