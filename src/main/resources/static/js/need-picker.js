// Need pickers: a text field that finds needs by title or key as the agent types (GET data-lookup?q=…, JSON),
// where a list of every need would run to thousands of entries. A single picker keeps the chosen need's id in
// its hidden field; a multiple one (data-multiple) adds a removable chip with a hidden field per chosen need.
// Typing (or an arrow key) opens the offers; arrows move through them, Enter takes the highlighted one (or the
// first) and never sends the form while a typed name is not chosen yet, Escape closes.
document.addEventListener('DOMContentLoaded', () => {
  document.querySelectorAll('.need-picker').forEach(setUpNeedPicker);
});

function setUpNeedPicker(picker) {
  const input = picker.querySelector('input.need-picker-input');
  const list = picker.querySelector('.need-picker-options');
  const multiple = picker.dataset.multiple === 'true';
  const hidden = multiple ? null : picker.querySelector('input[type=hidden]');
  const chosen = multiple ? picker.querySelector('.need-picker-chosen') : null;
  let offers = [];
  let active = -1;
  let timer = null;
  let asked = 0;
  let takeFirst = false; // Enter came before the offers: take the first one when they arrive
  let highlightFirst = false; // an arrow key opened the list

  function close() {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  }

  function highlight(index) {
    active = index;
    list.querySelectorAll('[role=option]').forEach((li, i) => li.setAttribute('aria-selected', String(i === index)));
    if (index >= 0) {
      input.setAttribute('aria-activedescendant', list.id + '-' + index);
      list.children[index].scrollIntoView({block: 'nearest'});
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  }

  function render() {
    list.replaceChildren();
    offers.forEach((need, i) => {
      const li = document.createElement('li');
      li.id = list.id + '-' + i;
      li.setAttribute('role', 'option');
      li.setAttribute('aria-selected', 'false');
      li.dataset.id = need.id;
      li.textContent = need.title;
      const stage = document.createElement('span');
      stage.className = 'muted';
      stage.textContent = ' ' + need.stage;
      li.append(stage);
      li.addEventListener('mousedown', event => {
        event.preventDefault();
        take(need);
      });
      list.append(li);
    });
    if (offers.length === 0) {
      const li = document.createElement('li');
      li.className = 'empty muted';
      li.textContent = 'No need matches "' + input.value.trim() + '"';
      list.append(li);
    }
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    highlight(-1);
  }

  function take(need) {
    if (multiple) {
      const already = [...chosen.querySelectorAll('input[type=hidden]')].some(field => field.value === need.id);
      if (!already) {
        chosen.append(chip(need));
      }
      input.value = '';
    } else {
      hidden.value = need.id;
      input.value = need.title;
    }
    close();
    picker.dispatchEvent(new CustomEvent('need-picked', {bubbles: true, detail: need}));
  }

  function chip(need) {
    const li = document.createElement('li');
    const field = document.createElement('input');
    field.type = 'hidden';
    field.name = picker.dataset.name;
    field.value = need.id;
    const title = document.createElement('span');
    title.textContent = need.title;
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.className = 'remove';
    remove.textContent = '×';
    remove.setAttribute('aria-label', 'Remove ' + need.title);
    li.append(field, title, remove);
    return li;
  }

  async function lookUp() {
    const ask = ++asked;
    const response = await fetch(picker.dataset.lookup + '?q=' + encodeURIComponent(input.value.trim()),
        {headers: {Accept: 'application/json'}});
    if (!response.ok || ask !== asked) {
      return;
    }
    offers = await response.json();
    if (takeFirst) {
      takeFirst = false;
      if (offers.length > 0) {
        take(offers[0]);
        return;
      }
    }
    render();
    if (highlightFirst) {
      highlightFirst = false;
      highlight(offers.length > 0 ? 0 : -1);
    }
  }

  input.addEventListener('input', () => {
    if (!multiple) {
      hidden.value = '';
    }
    clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      lookUp();
    }, 150);
  });
  input.addEventListener('blur', () => {
    close();
    if (!multiple && !hidden.value) {
      input.value = ''; // typed but not chosen: nothing is chosen, and the field says so
    }
  });
  input.addEventListener('keydown', event => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (list.hidden || timer !== null) {
        highlightFirst = true;
        clearTimeout(timer);
        timer = null;
        lookUp();
        return;
      }
      const step = event.key === 'ArrowDown' ? 1 : -1;
      highlight(Math.max(0, Math.min(offers.length - 1, active + step)));
    } else if (event.key === 'Enter' && input.value.trim() !== '' && !(hidden && hidden.value)) {
      // typed but not chosen yet: Enter chooses (the highlighted offer, else the first), it never sends the form
      event.preventDefault();
      if (!list.hidden && timer === null && offers.length > 0) {
        take(offers[active >= 0 ? active : 0]);
      } else {
        takeFirst = true;
        clearTimeout(timer);
        timer = null;
        lookUp();
      }
    } else if (event.key === 'Escape') {
      close();
    }
  });
  if (chosen) {
    chosen.addEventListener('click', event => {
      const remove = event.target.closest('button.remove');
      if (remove) {
        remove.closest('li').remove();
        input.focus();
      }
    });
  }
}
