<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="id_ID" sourcelanguage="en_GB">
<context>
    <name>Accounts</name>
    <message>
        <source>2 to 32 characters: lower-case letters, digits, dot, dash or underscore.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This username is already taken.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Enter the person's full name.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>At least %1 characters.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>First start: create the supervisor account</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This database has no accounts yet. Create the first supervisor; the supervisor then adds the call-takers and dispatchers.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Username</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Full name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Password</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Repeat password</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Log in: Call Center 112 (%1)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Wrong username or password.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Too many wrong passwords: this account is locked for 15 minutes. Ask a supervisor.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This account is disabled. Ask a supervisor.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>CallQueue</name>
    <message>
        <source>State</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ring</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Number</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Carrier / area</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Incident</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ChoiceBar</name>
    <message>
        <source>[Esc] Cancel</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>DispatchPanel</name>
    <message>
        <source>Available units (F6; Space marks, Enter dispatches)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Assigned units (F7 next status, Shift+F7 choose)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Agency</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Dispatched</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>On scene</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>What it does</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>IncidentBoard</name>
    <message>
        <source>(not yet chosen)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Number</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Priority</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Location</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Age</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Units</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>IncidentPanel</name>
    <message>
        <source>Too long: shorten this text.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not a number: use decimal degrees such as -6.99306.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Latitude must be between -90 and 90 (Indonesia: about -11 to 6).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Longitude must be between -180 and 180 (Indonesia: about 95 to 141).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Up to three digits, e.g. 003.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Five digits, e.g. 50132.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not a known value.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Type the note first.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No incident open. F2 answers the longest-ringing call.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>- choose a category -</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Category</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Priorit&amp;y</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Caller &amp;name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Call&amp;back number</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Street (Jl.)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>RT</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>RW</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Kelurahan/Desa</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Kecamatan</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Kabupaten/Kota</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Province</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Postcode</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Landmark (patokan)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Latitude</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Longitude</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Narrative</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Type a note and press Enter (F8)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Note</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Training caller says: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Incident %1 · %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>✔ All changes saved (%1)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>… Saving</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>✖ Not saved: correct the field marked in red</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Call from %1 answered; incident opened.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unit %1 dispatched.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Available</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Dispatched</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Acknowledged</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>En route</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>On scene</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Patient contact</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Transporting</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>At hospital</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cleared</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Out of service</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Off duty</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Staging</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Delayed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Police</source>
        <extracomment>Background colours for unit statuses; always shown beside the status text, never alone.</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Fire and rescue</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Medical</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Search and rescue</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Disaster management</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Utilities</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Transport</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Social services</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ringing</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Answered</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ended</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Emergency</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Information</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Prank</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Silent</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Abandoned</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Duplicate</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Wrong number / test</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Number shown</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Withheld</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unavailable</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Awaiting dispatch</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Closed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reopened</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>P1 life-threatening</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>P2 urgent</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>P3 prompt</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>P4 routine</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Handled on scene</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Patient transported</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Referred to another agency</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No action needed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Gone on arrival</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>False alarm</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Duplicate of another incident</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not an emergency</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Call-taker</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Dispatcher</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Supervisor</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Administrator</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This call is no longer ringing.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Answer the call first.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The call was not found.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The incident was not found.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The incident is closed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The incident is not closed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Choose at least one unit (Space marks a unit).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The unit is not available.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>That status change is not allowed from the unit's status.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The unit was not found.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Dispatch units from the incident.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>TRAINING: simulated calls, training database. Not a live 112 line.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Calls (Ctrl+1)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Active incidents (Ctrl+2)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Units (Ctrl+3)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Call Center 112 · %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>[TRAINING] %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>User: %1 (%2)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Console: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Database: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Call</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Incident</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Dispatch</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Answer the longest-ringing call</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Hang up the current call</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Close the call as not an emergency</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Edit the incident form</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add a note to the narrative</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Close the incident</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Choose units to dispatch</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Move the unit to its next status</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Choose the unit's status</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Go to calls</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Go to active incidents</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Go to units</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Enter</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>In calls: answer a ringing call or open its incident; in incidents: open it</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Space</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>In available units: mark or unmark a unit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>In available units: dispatch the marked units</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tab / Shift+Tab</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Next or previous field; each field saves as you leave it</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Esc</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancel a one-key choice</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Feed: none configured</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>running</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>paused</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Feed: simulator (%1)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No call is ringing.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Answered %1; incident %2 opened.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No call is in progress on this console.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Answer a call first (F2).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Close the call as:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Call from %1 closed: %2.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No incident is open.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No open incident to close.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Close incident %1 as:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Incident %1 closed: %2.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Dispatched: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No assigned unit to move on.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Choose the status with Shift+F7.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No assigned unit selected.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Status of %1:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is now %2.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Refusal</name>
    <message>
        <source>Database refused</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This file is not a database of this console.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This database is damaged. Restore it from the last backup; ask your installer for help.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This database belongs to another program (it has none of this console's version records).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This database was written by a newer version of the console. Install that version to use it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The database cannot be opened.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The console did not change the file.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>UnitBoard</name>
    <message>
        <source>%1 (%2 of %3 available)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Incident</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Since</source>
        <translation type="unfinished" />
    </message>
</context>
</TS>