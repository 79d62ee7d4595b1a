#!/bin/sh
# deb post-install: prepare the machine config folder and leave an example for IT.
# The real /etc/courtdesk/config.json is IT's to write (config management); never overwritten here.
set -e
mkdir -p /etc/courtdesk
chmod 755 /etc/courtdesk
cat > /etc/courtdesk/config.json.example <<'JSON'
{
  "serverUrl": "https://couch.court.example",
  "lockServer": true,
  "updates": "off",
  "language": "zh-CN"
}
JSON
chmod 644 /etc/courtdesk/config.json.example
