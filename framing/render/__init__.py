"""What leaves the engine for a person to see: highlighted HTML, Plotly figures, colours, handout, CSV, PNG."""
