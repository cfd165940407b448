"""Front ends: specs from sources (a Dify plugin, a model catalogue) and catalogue sync.

One reader per input (dify_plugin, modelsdev, openrouter), one neutral catalogue entry (catalogue),
one writer of spec text (emit) that never knows where the data came from. Every source is untrusted
input: readers raise UserError with a located message and never write; nothing here runs a
source's code."""
