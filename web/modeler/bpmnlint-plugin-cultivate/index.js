module.exports = {
  configs: {
    recommended: {
      rules: {
        'meaningful-ids': 'error',
        'history-time-to-live': 'error',
        'form-required': 'error'
      }
    }
  }
};
