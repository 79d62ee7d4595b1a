<#
  Writes CourtDesk's machine-wide configuration, %ProgramData%\CourtDesk\config.json.
  Run by the MSI (deferred custom action, as LocalSystem) and by the NSIS installer with the
  values IT passed on the command line:
    msiexec /i CourtDesk.msi /qn SERVER_URL=https://couch.court.example LOCK_SERVER=1 UPDATES=off
    CourtDesk-Setup.exe /S /SERVER_URL=https://couch.court.example /LOCK_SERVER=1 /UPDATES=off
  Empty values leave the existing setting alone. Invalid values stop the install with a message.
  The folder is made writable only by Administrators and SYSTEM so users cannot lift the lock.
#>
param(
  [string]$ServerUrl = '',
  [string]$LockServer = '',
  [string]$Updates = '',
  [string]$Language = ''
)
$ErrorActionPreference = 'Stop'

$dir = Join-Path $env:ProgramData 'CourtDesk'
$file = Join-Path $dir 'config.json'
New-Item -ItemType Directory -Force -Path $dir | Out-Null

$config = [ordered]@{}
if (Test-Path -LiteralPath $file) {
  try {
    $existing = Get-Content -LiteralPath $file -Raw | ConvertFrom-Json
    foreach ($p in $existing.PSObject.Properties) { $config[$p.Name] = $p.Value }
  } catch {
    Write-Warning "Existing $file is not valid JSON; it will be replaced."
  }
}

$ServerUrl = $ServerUrl.Trim()
if ($ServerUrl -ne '') {
  if ($ServerUrl -notmatch '^https?://[^\s"]+$') { throw "SERVER_URL must be an http:// or https:// URL, got: $ServerUrl" }
  $config['serverUrl'] = $ServerUrl
}
switch -Regex ($LockServer.Trim()) {
  '^$' { }
  '^(1|true|yes)$' { $config['lockServer'] = $true }
  '^(0|false|no)$' { $config['lockServer'] = $false }
  default { throw "LOCK_SERVER must be 1 or 0, got: $LockServer" }
}
switch -Regex ($Updates.Trim()) {
  '^$' { }
  '^(on|off)$' { $config['updates'] = $Updates.Trim().ToLowerInvariant() }
  default { throw "UPDATES must be on or off, got: $Updates" }
}
switch -Regex ($Language.Trim()) {
  '^$' { }
  '^(zh-CN|en)$' { $config['language'] = $Language.Trim() }
  default { throw "LANGUAGE must be zh-CN or en, got: $Language" }
}

# UTF-8 without BOM (CourtDesk accepts a BOM too, but other tools may not).
$json = $config | ConvertTo-Json -Depth 3
[System.IO.File]::WriteAllText($file, $json + "`n", (New-Object System.Text.UTF8Encoding($false)))

# Administrators and SYSTEM full control, Users read-only; no inherited "create files" for Users.
& icacls.exe $dir /inheritance:r /grant:r '*S-1-5-32-544:(OI)(CI)F' '*S-1-5-18:(OI)(CI)F' '*S-1-5-32-545:(OI)(CI)RX' | Out-Null
if ($LASTEXITCODE -ne 0) { throw "icacls failed with exit code $LASTEXITCODE" }
Write-Output "CourtDesk machine config written to $file"
