; CourtDesk NSIS include (electron-builder `nsis.include`).
; Silent install with the machine config preset by IT:
;   CourtDesk-Setup.exe /S /SERVER_URL=https://couch.court.example /LOCK_SERVER=1 /UPDATES=off
; Writes %ProgramData%\CourtDesk\config.json through the same script the MSI uses.
!include "FileFunc.nsh"

!macro customInstall
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/SERVER_URL=" $R1
  IfErrors 0 +2
    StrCpy $R1 ""
  ClearErrors
  ${GetOptions} $R0 "/LOCK_SERVER=" $R2
  IfErrors 0 +2
    StrCpy $R2 ""
  ClearErrors
  ${GetOptions} $R0 "/UPDATES=" $R3
  IfErrors 0 +2
    StrCpy $R3 ""
  ClearErrors
  ${GetOptions} $R0 "/LANGUAGE=" $R4
  IfErrors 0 +2
    StrCpy $R4 ""
  ${If} "$R1$R2$R3$R4" != ""
    nsExec::ExecToLog '"$SYSDIR\WindowsPowerShell\v1.0\powershell.exe" -NoProfile -NonInteractive -ExecutionPolicy Bypass -File "$INSTDIR\resources\installer\writeMachineConfig.ps1" -ServerUrl "$R1" -LockServer "$R2" -Updates "$R3" -Language "$R4"'
    Pop $0
    ${If} $0 != "0"
      MessageBox MB_ICONSTOP "CourtDesk: could not write the machine configuration (exit code $0)." /SD IDOK
      SetErrorLevel 2
      Abort
    ${EndIf}
  ${EndIf}
!macroend
