// Copy buttons for secrets shown once: <button data-copy="element-id">Copy</button>.
document.addEventListener('click', function (event) {
  var button = event.target.closest('button[data-copy]');
  if (!button) {
    return;
  }
  var source = document.getElementById(button.getAttribute('data-copy'));
  var text = source ? source.textContent.trim() : '';
  if (!navigator.clipboard || !text) {
    button.textContent = 'Select it and copy';
    return;
  }
  navigator.clipboard.writeText(text).then(function () {
    button.textContent = 'Copied';
  }, function () {
    button.textContent = 'Select it and copy';
  });
});
