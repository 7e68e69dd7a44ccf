<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_GB" sourcelanguage="en_GB">
<context>
    <name>Accounts</name>
    <message>
        <source>2 to 32 characters: lower-case letters, digits, dot, dash or underscore.</source>
        <translation>2 to 32 characters: lower-case letters, digits, dot, dash or underscore.</translation>
    </message>
    <message>
        <source>This username is already taken.</source>
        <translation>This username is already taken.</translation>
    </message>
    <message>
        <source>Enter the person's full name.</source>
        <translation>Enter the person's full name.</translation>
    </message>
    <message>
        <source>At least %1 characters.</source>
        <translation>At least %1 characters.</translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>The two passwords are not the same.</translation>
    </message>
    <message>
        <source>First start: create the supervisor account</source>
        <translation>First start: create the supervisor account</translation>
    </message>
    <message>
        <source>This database has no accounts yet. Create the first supervisor; the supervisor then adds the call-takers and dispatchers.</source>
        <translation>This database has no accounts yet. Create the first supervisor; the supervisor then adds the call-takers and dispatchers.</translation>
    </message>
    <message>
        <source>&amp;Username</source>
        <translation>&amp;Username</translation>
    </message>
    <message>
        <source>&amp;Full name</source>
        <translation>&amp;Full name</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <source>&amp;Repeat password</source>
        <translation>&amp;Repeat password</translation>
    </message>
    <message>
        <source>Log in: Call Center 112 (%1)</source>
        <translation>Log in: Call Center 112 (%1)</translation>
    </message>
    <message>
        <source>Wrong username or password.</source>
        <translation>Wrong username or password.</translation>
    </message>
    <message>
        <source>Too many wrong passwords: this account is locked for 15 minutes. Ask a supervisor.</source>
        <translation>Too many wrong passwords: this account is locked for 15 minutes. Ask a supervisor.</translation>
    </message>
    <message>
        <source>This account is disabled. Ask a supervisor.</source>
        <translation>This account is disabled. Ask a supervisor.</translation>
    </message>
    <message>
        <source>User accounts</source>
        <translation>User accounts</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Last login</source>
        <translation>Last login</translation>
    </message>
    <message>
        <source>Add an account</source>
        <translation>Add an account</translation>
    </message>
    <message>
        <source>R&amp;ole</source>
        <translation>R&amp;ole</translation>
    </message>
    <message>
        <source>&amp;Add account</source>
        <translation>&amp;Add account</translation>
    </message>
    <message>
        <source>Only a supervisor or an administrator can add accounts.</source>
        <translation>Only a supervisor or an administrator can add accounts.</translation>
    </message>
    <message>
        <source>Account %1 added.</source>
        <translation>Account %1 added.</translation>
    </message>
</context>
<context>
    <name>CallQueue</name>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Ring</source>
        <translation>Ring</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Carrier / area</source>
        <translation>Carrier / area</translation>
    </message>
    <message>
        <source>Incident</source>
        <translation>Incident</translation>
    </message>
</context>
<context>
    <name>ChoiceBar</name>
    <message>
        <source>[Esc] Cancel</source>
        <translation>[Esc] Cancel</translation>
    </message>
</context>
<context>
    <name>DispatchPanel</name>
    <message>
        <source>Available units (F6; Space marks, Enter dispatches)</source>
        <translation>Available units (F6; Space marks, Enter dispatches)</translation>
    </message>
    <message>
        <source>Assigned units (F7 next status, Shift+F7 choose)</source>
        <translation>Assigned units (F7 next status, Shift+F7 choose)</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>Agency</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Dispatched</source>
        <translation>Dispatched</translation>
    </message>
    <message>
        <source>On scene</source>
        <translation>On scene</translation>
    </message>
</context>
<context>
    <name>FeedSettings</name>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Add</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>Re&amp;move</translation>
    </message>
    <message>
        <source>&amp;Test</source>
        <translation>&amp;Test</translation>
    </message>
    <message>
        <source>Test shows here what the feed decodes, live. Nothing is stored.</source>
        <translation>Test shows here what the feed decodes, live. Nothing is stored.</translation>
    </message>
    <message>
        <source>The simulator runs in training mode (--simulator).</source>
        <translation>The simulator runs in training mode (--simulator).</translation>
    </message>
    <message>
        <source>S&amp;top test</source>
        <translation>S&amp;top test</translation>
    </message>
    <message>
        <source>listening: %1</source>
        <translation>listening: %1</translation>
    </message>
    <message>
        <source>not connected: %1 (trying again)</source>
        <translation>not connected: %1 (trying again)</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Keys</translation>
    </message>
    <message>
        <source>What it does</source>
        <translation>What it does</translation>
    </message>
</context>
<context>
    <name>IncidentBoard</name>
    <message>
        <source>(not yet chosen)</source>
        <translation>(not yet chosen)</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priority</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Location</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Age</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Units</translation>
    </message>
</context>
<context>
    <name>IncidentPanel</name>
    <message>
        <source>Too long: shorten this text.</source>
        <extracomment>How many earlier calls the one-line history counts (more shows as 20+).</extracomment>
        <translation>Too long: shorten this text.</translation>
    </message>
    <message>
        <source>Not a number: use decimal degrees such as -6.99306.</source>
        <translation>Not a number: use decimal degrees such as -6.99306.</translation>
    </message>
    <message>
        <source>Latitude must be between -90 and 90 (Indonesia: about -11 to 6).</source>
        <translation>Latitude must be between -90 and 90 (Indonesia: about -11 to 6).</translation>
    </message>
    <message>
        <source>Longitude must be between -180 and 180 (Indonesia: about 95 to 141).</source>
        <translation>Longitude must be between -180 and 180 (Indonesia: about 95 to 141).</translation>
    </message>
    <message>
        <source>Up to three digits, e.g. 003.</source>
        <translation>Up to three digits, e.g. 003.</translation>
    </message>
    <message>
        <source>Five digits, e.g. 50132.</source>
        <translation>Five digits, e.g. 50132.</translation>
    </message>
    <message>
        <source>Not a known value.</source>
        <translation>Not a known value.</translation>
    </message>
    <message>
        <source>Type the note first.</source>
        <translation>Type the note first.</translation>
    </message>
    <message>
        <source>No incident open. F2 answers the longest-ringing call.</source>
        <translation>No incident open. F2 answers the longest-ringing call.</translation>
    </message>
    <message>
        <source>- choose a category -</source>
        <translation>- choose a category -</translation>
    </message>
    <message>
        <source>&amp;Category</source>
        <translation>&amp;Category</translation>
    </message>
    <message>
        <source>Priorit&amp;y</source>
        <translation>Priorit&amp;y</translation>
    </message>
    <message>
        <source>Caller &amp;name</source>
        <translation>Caller &amp;name</translation>
    </message>
    <message>
        <source>Call&amp;back number</source>
        <translation>Call&amp;back number</translation>
    </message>
    <message>
        <source>&amp;Street (Jl.)</source>
        <translation>&amp;Street (Jl.)</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>RT</source>
        <translation>RT</translation>
    </message>
    <message>
        <source>RW</source>
        <translation>RW</translation>
    </message>
    <message>
        <source>Kelurahan/Desa</source>
        <translation>Kelurahan/Desa</translation>
    </message>
    <message>
        <source>Kecamatan</source>
        <translation>Kecamatan</translation>
    </message>
    <message>
        <source>Kabupaten/Kota</source>
        <translation>Kabupaten/Kota</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>Province</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>Postcode</translation>
    </message>
    <message>
        <source>&amp;Landmark (patokan)</source>
        <translation>&amp;Landmark (patokan)</translation>
    </message>
    <message>
        <source>Latitude</source>
        <translation>Latitude</translation>
    </message>
    <message>
        <source>Longitude</source>
        <translation>Longitude</translation>
    </message>
    <message>
        <source>Narrative</source>
        <translation>Narrative</translation>
    </message>
    <message>
        <source>Type a note and press Enter (F8)</source>
        <translation>Type a note and press Enter (F8)</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>&amp;Note</translation>
    </message>
    <message>
        <source>Training caller says: %1</source>
        <translation>Training caller says: %1</translation>
    </message>
    <message>
        <source>Number withheld: no call history.</source>
        <translation>Number withheld: no call history.</translation>
    </message>
    <message>
        <source>No earlier calls from this number.</source>
        <translation>No earlier calls from this number.</translation>
    </message>
    <message>
        <source>Earlier calls from this number: %1 (last %2, %3; prank: %4)</source>
        <translation>Earlier calls from this number: %1 (last %2, %3; prank: %4)</translation>
    </message>
    <message>
        <source>Incident %1 · %2</source>
        <translation>Incident %1 · %2</translation>
    </message>
    <message>
        <source>✔ All changes saved (%1)</source>
        <translation>✔ All changes saved (%1)</translation>
    </message>
    <message>
        <source>… Saving</source>
        <translation>… Saving</translation>
    </message>
    <message>
        <source>✖ Not saved: correct the field marked in red</source>
        <translation>✖ Not saved: correct the field marked in red</translation>
    </message>
    <message>
        <source>Call from %1 answered; incident opened.</source>
        <translation>Call from %1 answered; incident opened.</translation>
    </message>
    <message>
        <source>Unit %1 dispatched.</source>
        <translation>Unit %1 dispatched.</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Available</source>
        <translation>Available</translation>
    </message>
    <message>
        <source>Dispatched</source>
        <translation>Dispatched</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Acknowledged</translation>
    </message>
    <message>
        <source>En route</source>
        <translation>En route</translation>
    </message>
    <message>
        <source>On scene</source>
        <translation>On scene</translation>
    </message>
    <message>
        <source>Patient contact</source>
        <translation>Patient contact</translation>
    </message>
    <message>
        <source>Transporting</source>
        <translation>Transporting</translation>
    </message>
    <message>
        <source>At hospital</source>
        <translation>At hospital</translation>
    </message>
    <message>
        <source>Cleared</source>
        <translation>Cleared</translation>
    </message>
    <message>
        <source>Out of service</source>
        <translation>Out of service</translation>
    </message>
    <message>
        <source>Off duty</source>
        <translation>Off duty</translation>
    </message>
    <message>
        <source>Staging</source>
        <translation>Staging</translation>
    </message>
    <message>
        <source>Delayed</source>
        <translation>Delayed</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Police</source>
        <extracomment>Background colours for unit statuses; always shown beside the status text, never alone.</extracomment>
        <translation>Police</translation>
    </message>
    <message>
        <source>Fire and rescue</source>
        <translation>Fire and rescue</translation>
    </message>
    <message>
        <source>Medical</source>
        <translation>Medical</translation>
    </message>
    <message>
        <source>Search and rescue</source>
        <translation>Search and rescue</translation>
    </message>
    <message>
        <source>Disaster management</source>
        <translation>Disaster management</translation>
    </message>
    <message>
        <source>Utilities</source>
        <translation>Utilities</translation>
    </message>
    <message>
        <source>Transport</source>
        <translation>Transport</translation>
    </message>
    <message>
        <source>Social services</source>
        <translation>Social services</translation>
    </message>
    <message>
        <source>Ringing</source>
        <translation>Ringing</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Answered</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Ended</translation>
    </message>
    <message>
        <source>Emergency</source>
        <translation>Emergency</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>Information</translation>
    </message>
    <message>
        <source>Prank</source>
        <translation>Prank</translation>
    </message>
    <message>
        <source>Silent</source>
        <translation>Silent</translation>
    </message>
    <message>
        <source>Abandoned</source>
        <translation>Abandoned</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplicate</translation>
    </message>
    <message>
        <source>Wrong number / test</source>
        <translation>Wrong number / test</translation>
    </message>
    <message>
        <source>Number shown</source>
        <translation>Number shown</translation>
    </message>
    <message>
        <source>Withheld</source>
        <translation>Withheld</translation>
    </message>
    <message>
        <source>Unavailable</source>
        <translation>Unavailable</translation>
    </message>
    <message>
        <source>New</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Awaiting dispatch</source>
        <translation>Awaiting dispatch</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation>Reopened</translation>
    </message>
    <message>
        <source>P1 life-threatening</source>
        <translation>P1 life-threatening</translation>
    </message>
    <message>
        <source>P2 urgent</source>
        <translation>P2 urgent</translation>
    </message>
    <message>
        <source>P3 prompt</source>
        <translation>P3 prompt</translation>
    </message>
    <message>
        <source>P4 routine</source>
        <translation>P4 routine</translation>
    </message>
    <message>
        <source>Handled on scene</source>
        <translation>Handled on scene</translation>
    </message>
    <message>
        <source>Patient transported</source>
        <translation>Patient transported</translation>
    </message>
    <message>
        <source>Referred to another agency</source>
        <translation>Referred to another agency</translation>
    </message>
    <message>
        <source>No action needed</source>
        <translation>No action needed</translation>
    </message>
    <message>
        <source>Gone on arrival</source>
        <translation>Gone on arrival</translation>
    </message>
    <message>
        <source>False alarm</source>
        <translation>False alarm</translation>
    </message>
    <message>
        <source>Duplicate of another incident</source>
        <translation>Duplicate of another incident</translation>
    </message>
    <message>
        <source>Not an emergency</source>
        <translation>Not an emergency</translation>
    </message>
    <message>
        <source>Call-taker</source>
        <translation>Call-taker</translation>
    </message>
    <message>
        <source>Dispatcher</source>
        <translation>Dispatcher</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>This call is no longer ringing.</source>
        <translation>This call is no longer ringing.</translation>
    </message>
    <message>
        <source>Answer the call first.</source>
        <translation>Answer the call first.</translation>
    </message>
    <message>
        <source>The call was not found.</source>
        <translation>The call was not found.</translation>
    </message>
    <message>
        <source>The incident was not found.</source>
        <translation>The incident was not found.</translation>
    </message>
    <message>
        <source>The incident is closed.</source>
        <translation>The incident is closed.</translation>
    </message>
    <message>
        <source>The incident is not closed.</source>
        <translation>The incident is not closed.</translation>
    </message>
    <message>
        <source>Choose at least one unit (Space marks a unit).</source>
        <translation>Choose at least one unit (Space marks a unit).</translation>
    </message>
    <message>
        <source>The unit is not available.</source>
        <translation>The unit is not available.</translation>
    </message>
    <message>
        <source>That status change is not allowed from the unit's status.</source>
        <translation>That status change is not allowed from the unit's status.</translation>
    </message>
    <message>
        <source>The unit was not found.</source>
        <translation>The unit was not found.</translation>
    </message>
    <message>
        <source>Dispatch units from the incident.</source>
        <translation>Dispatch units from the incident.</translation>
    </message>
    <message>
        <source>Your role does not allow this.</source>
        <translation>Your role does not allow this.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>TRAINING: simulated calls, training database. Not a live 112 line.</source>
        <translation>TRAINING: simulated calls, training database. Not a live 112 line.</translation>
    </message>
    <message>
        <source>Calls (Ctrl+1)</source>
        <translation>Calls (Ctrl+1)</translation>
    </message>
    <message>
        <source>Active incidents (Ctrl+2)</source>
        <translation>Active incidents (Ctrl+2)</translation>
    </message>
    <message>
        <source>Units (Ctrl+3)</source>
        <translation>Units (Ctrl+3)</translation>
    </message>
    <message>
        <source>Call Center 112 · %1</source>
        <translation>Call Center 112 · %1</translation>
    </message>
    <message>
        <source>[TRAINING] %1</source>
        <translation>[TRAINING] %1</translation>
    </message>
    <message>
        <source>User: %1 (%2)</source>
        <translation>User: %1 (%2)</translation>
    </message>
    <message>
        <source>Console: %1</source>
        <translation>Console: %1</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Database: %1</translation>
    </message>
    <message>
        <source>&amp;Call</source>
        <translation>&amp;Call</translation>
    </message>
    <message>
        <source>&amp;Incident</source>
        <translation>&amp;Incident</translation>
    </message>
    <message>
        <source>&amp;Dispatch</source>
        <translation>&amp;Dispatch</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>C&amp;onsole</source>
        <translation>C&amp;onsole</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>Answer the longest-ringing call</source>
        <translation>Answer the longest-ringing call</translation>
    </message>
    <message>
        <source>Hang up the current call</source>
        <translation>Hang up the current call</translation>
    </message>
    <message>
        <source>Close the call as not an emergency</source>
        <translation>Close the call as not an emergency</translation>
    </message>
    <message>
        <source>Edit the incident form</source>
        <translation>Edit the incident form</translation>
    </message>
    <message>
        <source>Add a note to the narrative</source>
        <translation>Add a note to the narrative</translation>
    </message>
    <message>
        <source>Close the incident</source>
        <translation>Close the incident</translation>
    </message>
    <message>
        <source>Choose units to dispatch</source>
        <translation>Choose units to dispatch</translation>
    </message>
    <message>
        <source>Move the unit to its next status</source>
        <translation>Move the unit to its next status</translation>
    </message>
    <message>
        <source>Choose the unit's status</source>
        <translation>Choose the unit's status</translation>
    </message>
    <message>
        <source>Go to calls</source>
        <translation>Go to calls</translation>
    </message>
    <message>
        <source>Go to active incidents</source>
        <translation>Go to active incidents</translation>
    </message>
    <message>
        <source>Go to units</source>
        <translation>Go to units</translation>
    </message>
    <message>
        <source>User accounts</source>
        <translation>User accounts</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Acknowledge alarms</source>
        <translation>Acknowledge alarms</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>In calls: answer a ringing call or open its incident; in incidents: open it</source>
        <translation>In calls: answer a ringing call or open its incident; in incidents: open it</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>Space</translation>
    </message>
    <message>
        <source>In available units: mark or unmark a unit</source>
        <translation>In available units: mark or unmark a unit</translation>
    </message>
    <message>
        <source>In available units: dispatch the marked units</source>
        <translation>In available units: dispatch the marked units</translation>
    </message>
    <message>
        <source>Tab / Shift+Tab</source>
        <translation>Tab / Shift+Tab</translation>
    </message>
    <message>
        <source>Next or previous field; each field saves as you leave it</source>
        <translation>Next or previous field; each field saves as you leave it</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Cancel a one-key choice</source>
        <translation>Cancel a one-key choice</translation>
    </message>
    <message>
        <source>Feeds: %1</source>
        <translation>Feeds: %1</translation>
    </message>
    <message>
        <source>Feed: none configured</source>
        <translation>Feed: none configured</translation>
    </message>
    <message>
        <source>running</source>
        <translation>running</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>paused</translation>
    </message>
    <message>
        <source>Feed: simulator (%1)</source>
        <translation>Feed: simulator (%1)</translation>
    </message>
    <message>
        <source>⚠ FEED DOWN: %1 since %2. Calls from it are not reaching this console.</source>
        <translation>⚠ FEED DOWN: %1 since %2. Calls from it are not reaching this console.</translation>
    </message>
    <message>
        <source>Ctrl+Shift+A acknowledges; tell the supervisor and the telco or PBX.</source>
        <translation>Ctrl+Shift+A acknowledges; tell the supervisor and the telco or PBX.</translation>
    </message>
    <message>
        <source>No alarm to acknowledge.</source>
        <translation>No alarm to acknowledge.</translation>
    </message>
    <message>
        <source>Acknowledged: %1</source>
        <translation>Acknowledged: %1</translation>
    </message>
    <message>
        <source>No call is ringing.</source>
        <translation>No call is ringing.</translation>
    </message>
    <message>
        <source>Answered %1; incident %2 opened.</source>
        <translation>Answered %1; incident %2 opened.</translation>
    </message>
    <message>
        <source>No call is in progress on this console.</source>
        <translation>No call is in progress on this console.</translation>
    </message>
    <message>
        <source>Answer a call first (F2).</source>
        <translation>Answer a call first (F2).</translation>
    </message>
    <message>
        <source>Close the call as:</source>
        <translation>Close the call as:</translation>
    </message>
    <message>
        <source>Call from %1 closed: %2.</source>
        <translation>Call from %1 closed: %2.</translation>
    </message>
    <message>
        <source>No incident is open.</source>
        <translation>No incident is open.</translation>
    </message>
    <message>
        <source>No open incident to close.</source>
        <translation>No open incident to close.</translation>
    </message>
    <message>
        <source>Close incident %1 as:</source>
        <translation>Close incident %1 as:</translation>
    </message>
    <message>
        <source>Incident %1 closed: %2.</source>
        <translation>Incident %1 closed: %2.</translation>
    </message>
    <message>
        <source>Dispatched: %1</source>
        <translation>Dispatched: %1</translation>
    </message>
    <message>
        <source>No assigned unit to move on.</source>
        <translation>No assigned unit to move on.</translation>
    </message>
    <message>
        <source>Choose the status with Shift+F7.</source>
        <translation>Choose the status with Shift+F7.</translation>
    </message>
    <message>
        <source>No assigned unit selected.</source>
        <translation>No assigned unit selected.</translation>
    </message>
    <message>
        <source>Status of %1:</source>
        <translation>Status of %1:</translation>
    </message>
    <message>
        <source>%1 is now %2.</source>
        <translation>%1 is now %2.</translation>
    </message>
    <message>
        <source>up</source>
        <translation>up</translation>
    </message>
    <message>
        <source>up, last %1</source>
        <translation>up, last %1</translation>
    </message>
    <message>
        <source>DOWN %1</source>
        <translation>DOWN %1</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>connecting</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>stopped</translation>
    </message>
</context>
<context>
    <name>Refusal</name>
    <message>
        <source>Feed not understood</source>
        <translation>Feed not understood</translation>
    </message>
    <message>
        <source>Database refused</source>
        <translation>Database refused</translation>
    </message>
    <message>
        <source>This file is not a database of this console.</source>
        <translation>This file is not a database of this console.</translation>
    </message>
    <message>
        <source>This database is damaged. Restore it from the last backup; ask your installer for help.</source>
        <translation>This database is damaged. Restore it from the last backup; ask your installer for help.</translation>
    </message>
    <message>
        <source>This database belongs to another program (it has none of this console's version records).</source>
        <translation>This database belongs to another program (it has none of this console's version records).</translation>
    </message>
    <message>
        <source>This database was written by a newer version of the console. Install that version to use it.</source>
        <translation>This database was written by a newer version of the console. Install that version to use it.</translation>
    </message>
    <message>
        <source>The database cannot be opened.</source>
        <translation>The database cannot be opened.</translation>
    </message>
    <message>
        <source>The console did not change the file.</source>
        <translation>The console did not change the file.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Console settings</source>
        <translation>Console settings</translation>
    </message>
    <message>
        <source>WIB (Western Indonesia, UTC+7)</source>
        <translation>WIB (Western Indonesia, UTC+7)</translation>
    </message>
    <message>
        <source>WITA (Central Indonesia, UTC+8)</source>
        <translation>WITA (Central Indonesia, UTC+8)</translation>
    </message>
    <message>
        <source>WIT (Eastern Indonesia, UTC+9)</source>
        <translation>WIT (Eastern Indonesia, UTC+9)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>&amp;Console name</source>
        <translation>&amp;Console name</translation>
    </message>
    <message>
        <source>&amp;Time zone</source>
        <translation>&amp;Time zone</translation>
    </message>
    <message>
        <source>&amp;Simulated calls per minute</source>
        <translation>&amp;Simulated calls per minute</translation>
    </message>
    <message>
        <source>Feeds (caller-ID modems, Whozz Calling, NCID, Asterisk)</source>
        <translation>Feeds (caller-ID modems, Whozz Calling, NCID, Asterisk)</translation>
    </message>
    <message>
        <source>Changes take effect the next time the console starts.</source>
        <translation>Changes take effect the next time the console starts.</translation>
    </message>
    <message>
        <source>Give this console a name, e.g. KONSOL-01.</source>
        <translation>Give this console a name, e.g. KONSOL-01.</translation>
    </message>
</context>
<context>
    <name>UnitBoard</name>
    <message>
        <source>%1 (%2 of %3 available)</source>
        <translation>%1 (%2 of %3 available)</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Incident</source>
        <translation>Incident</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Since</translation>
    </message>
</context>
</TS>