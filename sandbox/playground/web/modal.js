// Modals as <dialog>s: text inputs (in action rows or in labels) and string selects inside labels.

const dialog = () => document.getElementById('modal');

function inputsOf(modal) {
  const inputs = [];
  for (const top of modal.components ?? []) {
    if (top.type === 1) for (const c of top.components ?? []) inputs.push({ component: c, label: c.label });
    else if (top.type === 18 && top.component)
      inputs.push({ component: top.component, label: top.label, description: top.description });
  }
  return inputs;
}

function field({ component, label, description }) {
  const wrap = document.createElement('div');
  const title = document.createElement('label');
  title.textContent = `${label ?? component.custom_id}${component.required === false ? '' : ' *'}`;
  title.htmlFor = `modal-${component.custom_id}`;
  wrap.append(title);
  if (description) {
    const note = document.createElement('div');
    note.className = 'ephemeral-note';
    note.textContent = description;
    wrap.append(note);
  }
  let input;
  if (component.type === 3) {
    input = document.createElement('select');
    for (const option of component.options ?? []) {
      const node = document.createElement('option');
      node.value = option.value;
      node.textContent = option.label;
      node.selected = Boolean(option.default);
      input.append(node);
    }
  } else {
    input = document.createElement(component.style === 2 ? 'textarea' : 'input');
    input.value = component.value ?? '';
    if (component.placeholder) input.placeholder = component.placeholder;
    if (component.max_length) input.maxLength = component.max_length;
    if (component.min_length) input.minLength = component.min_length;
    input.required = component.required !== false;
  }
  input.id = `modal-${component.custom_id}`;
  input.name = component.custom_id;
  wrap.append(input);
  return wrap;
}

/** Shows the modal; resolves with { customId: value } on submit, or undefined when cancelled. */
export function showModal(modal) {
  const box = dialog();
  if (box.open) box.close();
  document.getElementById('modal-title').textContent = modal.title;
  const fields = document.getElementById('modal-fields');
  fields.replaceChildren(...inputsOf(modal).map(field));
  const form = document.getElementById('modal-form');
  box.showModal();
  fields.querySelector('input, textarea, select')?.focus();
  return new Promise((resolve) => {
    const finish = (value) => {
      form.removeEventListener('submit', onSubmit);
      cancel.removeEventListener('click', onCancel);
      box.removeEventListener('cancel', onCancel);
      if (box.open) box.close();
      resolve(value);
    };
    const onSubmit = (event) => {
      event.preventDefault();
      const values = {};
      for (const input of fields.querySelectorAll('[name]')) values[input.name] = input.value;
      finish(values);
    };
    const onCancel = (event) => {
      event?.preventDefault();
      finish(undefined);
    };
    const cancel = document.getElementById('modal-cancel');
    form.addEventListener('submit', onSubmit);
    cancel.addEventListener('click', onCancel);
    box.addEventListener('cancel', onCancel);
  });
}
