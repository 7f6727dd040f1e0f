package ops

import "go.yaml.in/yaml/v3"

// FlowLen is flowLen, for the test that holds it against the encoder.
func FlowLen(n *yaml.Node) (int, bool) { return flowLen(n) }
