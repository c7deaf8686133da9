"""The graph model, its vocabulary, the merge of file facts and the stores."""
