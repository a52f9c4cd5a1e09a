"""What leaves the engine for a person to see: highlighted HTML, Plotly figures, colours, the handout, CSV and PNG exports."""
