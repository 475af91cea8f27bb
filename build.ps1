#!/usr/bin/env pwsh
<#
.SYNOPSIS
  TrainingLrs tasks. Run with `dotnet tool restore && dotnet pwsh build.ps1 <task> [args]`.
.DESCRIPTION
  build    compile the solution
  test     install what the tests need (npm test tools, Chromium), run every test project,
           print one line "N passed, N failed"; non-zero exit when a test fails or none ran
  serve    compile the content and serve lessons, LRS, OData and dashboard (extra args go to `serve`)
  package  compile the course into dist/ (lessons, SCORM 1.2, SCORM 2004, cmi5 zips) and publish the server
  bench    run the benchmarks in Release (extra args pick them, e.g. `lrs`)
#>
[CmdletBinding()]
param(
    [Parameter(Position = 0)]
    [ValidateSet('build', 'test', 'serve', 'package', 'bench')]
    [string] $Task = 'build',

    [Parameter(Position = 1, ValueFromRemainingArguments = $true)]
    [string[]] $Rest = @()
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$Root = $PSScriptRoot
$Solution = Join-Path $Root 'TrainingLrs.sln'
$Host_ = Join-Path $Root 'src/TrainingLrs/TrainingLrs.csproj'
$ToolsDir = Join-Path $Root 'tests/tools'
$ResultsDir = Join-Path $Root 'artifacts/test-results'

function Invoke-Native([string] $File, [string[]] $Arguments) {
    & $File @Arguments
    if ($LASTEXITCODE -ne 0) { throw "$File $($Arguments -join ' ') failed with exit code $LASTEXITCODE" }
}

function Test-Root { return (Get-Command id -ErrorAction SilentlyContinue) -and ((& id -u) -eq '0') }

function Install-AptPackages([string[]] $Packages, [string] $Why) {
    if ((Test-Root) -and (Get-Command apt-get -ErrorAction SilentlyContinue)) {
        Write-Host "Installing $($Packages -join ', ') with apt-get ($Why)..."
        $env:DEBIAN_FRONTEND = 'noninteractive'
        Invoke-Native 'apt-get' @('update', '-qq')
        Invoke-Native 'apt-get' (@('install', '-y', '-qq', '--no-install-recommends') + $Packages)
    }
    else {
        throw "$Why needs $($Packages -join ', '): install it with your package manager (Debian/Ubuntu: sudo apt-get install $($Packages -join ' ')) and run again."
    }
}

function Find-Chromium {
    if ($env:TRAININGLRS_CHROMIUM -and (Test-Path $env:TRAININGLRS_CHROMIUM)) { return $env:TRAININGLRS_CHROMIUM }
    foreach ($name in 'chromium', 'chromium-browser') {
        $command = Get-Command $name -ErrorAction SilentlyContinue
        if ($command) { return $command.Source }
    }
    return $null
}

function Install-TestTools {
    if (-not (Get-Command npm -ErrorAction SilentlyContinue)) {
        Install-AptPackages @('nodejs', 'npm') 'the browser tests (scorm-again, axe-core from npm)'
    }
    $installed = Join-Path $ToolsDir 'node_modules/.package-lock.json'
    # npm writes this hidden file after an install; Get-Item needs -Force to see a dot-file on Linux.
    $lock = Join-Path $ToolsDir 'package-lock.json'
    if (-not (Test-Path $installed) -or (Get-Item -Force $lock).LastWriteTimeUtc -gt (Get-Item -Force $installed).LastWriteTimeUtc) {
        Write-Host 'Installing npm test tools (tests/tools)...'
        Invoke-Native 'npm' @('ci', '--prefix', $ToolsDir, '--no-audit', '--no-fund', '--loglevel=error')
    }

    if (-not (Find-Chromium)) {
        Install-AptPackages @('chromium') 'the browser tests (Playwright drives the system Chromium)'
    }
    $env:TRAININGLRS_CHROMIUM = Find-Chromium
    $env:TRAININGLRS_TEST_TOOLS = Join-Path $ToolsDir 'node_modules'
}

# `dotnet run` starts the program in the project's folder; the repository's folders are meant. The
# settings are environment variables, so options given after the task still win.
function Set-RepositoryFolders {
    $env:TRAININGLRS_Server__ContentDirectory = Join-Path $Root 'content'
    $env:TRAININGLRS_Server__ThemesDirectory = Join-Path $Root 'themes'
    $env:TRAININGLRS_Server__OutputDirectory = Join-Path $Root 'dist'
    $env:TRAININGLRS_Server__DataDirectory = Join-Path $Root 'data'
}

function Write-TestSummary {
    $passed = 0; $failed = 0; $skipped = 0
    foreach ($trx in Get-ChildItem -Path $ResultsDir -Filter '*.trx' -Recurse -ErrorAction SilentlyContinue) {
        [xml] $doc = Get-Content -Raw $trx.FullName
        $counters = $doc.TestRun.ResultSummary.Counters
        $passed += [int] $counters.passed
        $failed += [int] $counters.failed + [int] $counters.error + [int] $counters.timeout + [int] $counters.aborted
        $skipped += [int] $counters.notExecuted
    }
    return [pscustomobject] @{ Passed = $passed; Failed = $failed; Skipped = $skipped }
}

switch ($Task) {
    'build' {
        Invoke-Native 'dotnet' @('build', $Solution, '--nologo', '-v', 'quiet')
    }
    'test' {
        Install-TestTools
        if (Test-Path $ResultsDir) { Remove-Item -Recurse -Force $ResultsDir }
        Invoke-Native 'dotnet' @('build', $Solution, '--nologo', '-v', 'quiet')
        # One run per test project, each with its own results folder, so no TRX file overwrites another.
        $testExit = 0
        foreach ($project in Get-ChildItem -Path (Join-Path $Root 'tests') -Filter '*.Tests.csproj' -Recurse) {
            & dotnet test $project.FullName --no-build --nologo --logger 'trx' --logger 'console;verbosity=minimal' `
                --results-directory (Join-Path $ResultsDir $project.BaseName) --blame-hang-timeout 5m @Rest
            if ($LASTEXITCODE -ne 0) { $testExit = $LASTEXITCODE }
        }
        $summary = Write-TestSummary
        $line = "$($summary.Passed) passed, $($summary.Failed) failed"
        if ($summary.Skipped -gt 0) { $line += ", $($summary.Skipped) skipped" }
        Write-Host $line
        if ($testExit -ne 0 -or $summary.Failed -gt 0) { exit 1 }
        if ($summary.Passed -eq 0) { Write-Host 'No test ran.'; exit 1 }
    }
    'serve' {
        Set-RepositoryFolders
        Invoke-Native 'dotnet' (@('run', '--project', $Host_, '-c', 'Release', '--', 'serve') + $Rest)
    }
    'package' {
        Set-RepositoryFolders
        Invoke-Native 'dotnet' (@('run', '--project', $Host_, '-c', 'Release', '--', 'build') + $Rest)
        Invoke-Native 'dotnet' @('publish', $Host_, '-c', 'Release', '--nologo', '-o', (Join-Path $Root 'artifacts/publish'))
    }
    'bench' {
        Invoke-Native 'dotnet' (@('run', '--project', (Join-Path $Root 'tests/TrainingLrs.Benchmarks'), '-c', 'Release', '--') + $Rest)
    }
}
