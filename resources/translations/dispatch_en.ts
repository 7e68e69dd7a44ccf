<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_GB" sourcelanguage="en_GB">
<context>
    <name>About</name>
    <message>
        <source>About the Call Center 112 console</source>
        <translation>About the Call Center 112 console</translation>
    </message>
    <message>
        <source>Call Center 112 dispatch console %1</source>
        <translation>Call Center 112 dispatch console %1</translation>
    </message>
    <message>
        <source>(version unknown: not installed)</source>
        <translation>(version unknown: not installed)</translation>
    </message>
    <message>
        <source>Training (simulated calls; never a live 112 line)</source>
        <translation>Training (simulated calls; never a live 112 line)</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>Live</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Schema revision</source>
        <translation>Schema revision</translation>
    </message>
    <message>
        <source>not read (the database did not answer)</source>
        <translation>not read (the database did not answer)</translation>
    </message>
    <message>
        <source>Console</source>
        <translation>Console</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Licence</translation>
    </message>
    <message>
        <source>Runs on</source>
        <translation>Runs on</translation>
    </message>
    <message>
        <source>Qt %1, PySide6 %2, Python %3</source>
        <translation>Qt %1, PySide6 %2, Python %3</translation>
    </message>
    <message>
        <source>This program is free software: you can redistribute it and/or modify it under the terms of the GNU General Public License, version 3 or (at your option) any later version. It comes with ABSOLUTELY NO WARRANTY.</source>
        <translation>This program is free software: you can redistribute it and/or modify it under the terms of the GNU General Public License, version 3 or (at your option) any later version. It comes with ABSOLUTELY NO WARRANTY.</translation>
    </message>
</context>
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
        <source>At most %1 characters.</source>
        <translation>At most %1 characters.</translation>
    </message>
    <message>
        <source>This password is one of the most common ones: choose another.</source>
        <translation>This password is one of the most common ones: choose another.</translation>
    </message>
    <message>
        <source>The password must not contain the username.</source>
        <translation>The password must not contain the username.</translation>
    </message>
    <message>
        <source>One character repeated is not a password: choose another.</source>
        <translation>One character repeated is not a password: choose another.</translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>The two passwords are not the same.</translation>
    </message>
    <message>
        <source>A password has at least %1 characters, is not one of the most common ones and does not contain the username.</source>
        <translation>A password has at least %1 characters, is not one of the most common ones and does not contain the username.</translation>
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
        <source>Console locked: Call Center 112 (%1)</source>
        <translation>Console locked: Call Center 112 (%1)</translation>
    </message>
    <message>
        <source>Change user: Call Center 112 (%1)</source>
        <translation>Change user: Call Center 112 (%1)</translation>
    </message>
    <message>
        <source>Log in: Call Center 112 (%1)</source>
        <translation>Log in: Call Center 112 (%1)</translation>
    </message>
    <message>
        <source>No one is logged in at this console. The next user logs in here.</source>
        <translation>No one is logged in at this console. The next user logs in here.</translation>
    </message>
    <message>
        <source>&amp;Log in</source>
        <translation>&amp;Log in</translation>
    </message>
    <message>
        <source>&amp;Quit the console</source>
        <translation>&amp;Quit the console</translation>
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
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Last login</source>
        <translation>Last login</translation>
    </message>
    <message>
        <source>Selected account</source>
        <translation>Selected account</translation>
    </message>
    <message>
        <source>Choose an account in the list.</source>
        <translation>Choose an account in the list.</translation>
    </message>
    <message>
        <source>Reac&amp;tivate</source>
        <translation>Reac&amp;tivate</translation>
    </message>
    <message>
        <source>&amp;Deactivate</source>
        <translation>&amp;Deactivate</translation>
    </message>
    <message>
        <source>&amp;Change role</source>
        <translation>&amp;Change role</translation>
    </message>
    <message>
        <source>New ro&amp;le</source>
        <translation>New ro&amp;le</translation>
    </message>
    <message>
        <source>New pass&amp;word</source>
        <translation>New pass&amp;word</translation>
    </message>
    <message>
        <source>Re&amp;set password</source>
        <translation>Re&amp;set password</translation>
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
        <source>%1 is logged in. The next user logs in here; Cancel keeps them logged in.</source>
        <translation>%1 is logged in. The next user logs in here; Cancel keeps them logged in.</translation>
    </message>
    <message>
        <source>U&amp;nlock</source>
        <translation>U&amp;nlock</translation>
    </message>
    <message>
        <source>Rep&amp;eat new password</source>
        <translation>Rep&amp;eat new password</translation>
    </message>
    <message>
        <source>Deactivated</source>
        <translation>Deactivated</translation>
    </message>
    <message>
        <source>Locked until %1</source>
        <translation>Locked until %1</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>%1 (%2): %3</source>
        <translation>%1 (%2): %3</translation>
    </message>
    <message>
        <source>Account %1 unlocked.</source>
        <translation>Account %1 unlocked.</translation>
    </message>
    <message>
        <source>Account %1 deactivated: it can no longer log in.</source>
        <translation>Account %1 deactivated: it can no longer log in.</translation>
    </message>
    <message>
        <source>Account %1 reactivated.</source>
        <translation>Account %1 reactivated.</translation>
    </message>
    <message>
        <source>%1 already has this role.</source>
        <translation>%1 already has this role.</translation>
    </message>
    <message>
        <source>Role of %1 changed.</source>
        <translation>Role of %1 changed.</translation>
    </message>
    <message>
        <source>Password of %1 reset; tell them the new one in person.</source>
        <translation>Password of %1 reset; tell them the new one in person.</translation>
    </message>
    <message>
        <source>Account %1 added.</source>
        <translation>Account %1 added.</translation>
    </message>
</context>
<context>
    <name>Actions</name>
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
        <source>&amp;Shift</source>
        <translation>&amp;Shift</translation>
    </message>
    <message>
        <source>&amp;Training</source>
        <translation>&amp;Training</translation>
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
        <source>No incident is open.</source>
        <translation>No incident is open.</translation>
    </message>
    <message>
        <source>No open incident to close.</source>
        <translation>No open incident to close.</translation>
    </message>
    <message>
        <source>Open a closed incident first (Enter on its call).</source>
        <translation>Open a closed incident first (Enter on its call).</translation>
    </message>
    <message>
        <source>Only a training console runs scenarios.</source>
        <translation>Only a training console runs scenarios.</translation>
    </message>
    <message>
        <source>Answer the longest-ringing call</source>
        <translation>Answer the longest-ringing call</translation>
    </message>
    <message>
        <source>answer the longest-ringing call (or the ringing call selected); the incident opens, focus on Category</source>
        <translation>answer the longest-ringing call (or the ringing call selected); the incident opens, focus on Category</translation>
    </message>
    <message>
        <source>Hang up the current call</source>
        <translation>Hang up the current call</translation>
    </message>
    <message>
        <source>hang up the current call (the incident goes on)</source>
        <translation>hang up the current call (the incident goes on)</translation>
    </message>
    <message>
        <source>Close the call as not an emergency</source>
        <translation>Close the call as not an emergency</translation>
    </message>
    <message>
        <source>close the call as Information, Prank, Silent (to the callback queue) or Wrong number / test</source>
        <translation>close the call as Information, Prank, Silent (to the callback queue) or Wrong number / test</translation>
    </message>
    <message>
        <source>Attach the call to the suggested incident</source>
        <translation>Attach the call to the suggested incident</translation>
    </message>
    <message>
        <source>attach the call to the suggested duplicate incident</source>
        <translation>attach the call to the suggested duplicate incident</translation>
    </message>
    <message>
        <source>Call back the selected caller</source>
        <translation>Call back the selected caller</translation>
    </message>
    <message>
        <source>call back the selected caller: reached (no emergency), reached (emergency: opens an incident), no answer, busy, unreachable</source>
        <translation>call back the selected caller: reached (no emergency), reached (emergency: opens an incident), no answer, busy, unreachable</translation>
    </message>
    <message>
        <source>Close the callback (supervisor)</source>
        <translation>Close the callback (supervisor)</translation>
    </message>
    <message>
        <source>close a callback (supervisor, with a note)</source>
        <translation>close a callback (supervisor, with a note)</translation>
    </message>
    <message>
        <source>Edit the incident form</source>
        <translation>Edit the incident form</translation>
    </message>
    <message>
        <source>back to the incident form</source>
        <translation>back to the incident form</translation>
    </message>
    <message>
        <source>Find the area (kelurahan, kecamatan…)</source>
        <translation>Find the area (kelurahan, kecamatan…)</translation>
    </message>
    <message>
        <source>find the area: type a kelurahan, kecamatan or kota; arrows and Enter pick</source>
        <translation>find the area: type a kelurahan, kecamatan or kota; arrows and Enter pick</translation>
    </message>
    <message>
        <source>Add a note to the narrative</source>
        <translation>Add a note to the narrative</translation>
    </message>
    <message>
        <source>add a note to the narrative (Enter saves it)</source>
        <translation>add a note to the narrative (Enter saves it)</translation>
    </message>
    <message>
        <source>Correct the selected note</source>
        <translation>Correct the selected note</translation>
    </message>
    <message>
        <source>correct the selected note (a new note naming the old one)</source>
        <translation>correct the selected note (a new note naming the old one)</translation>
    </message>
    <message>
        <source>Go to the protocol card</source>
        <translation>Go to the protocol card</translation>
    </message>
    <message>
        <source>the protocol card: arrows choose a question, a digit answers it (1 yes, 2 no, 3 don't know)</source>
        <translation>the protocol card: arrows choose a question, a digit answers it (1 yes, 2 no, 3 don't know)</translation>
    </message>
    <message>
        <source>Close the incident</source>
        <translation>Close the incident</translation>
    </message>
    <message>
        <source>close the incident with a disposition; asks first, naming them, while units are still out (they are released and become available)</source>
        <translation>close the incident with a disposition; asks first, naming them, while units are still out (they are released and become available)</translation>
    </message>
    <message>
        <source>Reopen the incident shown (closed or cancelled)</source>
        <translation>Reopen the incident shown (closed or cancelled)</translation>
    </message>
    <message>
        <source>reopen the closed incident shown (Enter on its call shows it)</source>
        <translation>reopen the closed incident shown (Enter on its call shows it)</translation>
    </message>
    <message>
        <source>Choose units to dispatch</source>
        <translation>Choose units to dispatch</translation>
    </message>
    <message>
        <source>choose units: the category's agencies first (★); Space marks, Enter dispatches the marked units</source>
        <translation>choose units: the category's agencies first (★); Space marks, Enter dispatches the marked units</translation>
    </message>
    <message>
        <source>Dispatch the recommended units</source>
        <translation>Dispatch the recommended units</translation>
    </message>
    <message>
        <source>dispatch the recommended units</source>
        <translation>dispatch the recommended units</translation>
    </message>
    <message>
        <source>Move the selected unit to its next status</source>
        <translation>Move the selected unit to its next status</translation>
    </message>
    <message>
        <source>move the selected unit (assigned units, or the unit board) to its next status</source>
        <translation>move the selected unit (assigned units, or the unit board) to its next status</translation>
    </message>
    <message>
        <source>Choose the selected unit's status</source>
        <translation>Choose the selected unit's status</translation>
    </message>
    <message>
        <source>choose the selected unit's status from those allowed</source>
        <translation>choose the selected unit's status from those allowed</translation>
    </message>
    <message>
        <source>Override the unit's status (supervisor)</source>
        <translation>Override the unit's status (supervisor)</translation>
    </message>
    <message>
        <source>override the unit's status (supervisor; asks for a reason, audited)</source>
        <translation>override the unit's status (supervisor; asks for a reason, audited)</translation>
    </message>
    <message>
        <source>Forward to an agency</source>
        <translation>Forward to an agency</translation>
    </message>
    <message>
        <source>forward the incident to the agencies its category and area call for: whom to call and how; Enter records a forwarding, Ctrl+T again goes to the forwardings and what the agencies reported</source>
        <translation>forward the incident to the agencies its category and area call for: whom to call and how; Enter records a forwarding, Ctrl+T again goes to the forwardings and what the agencies reported</translation>
    </message>
    <message>
        <source>Cameras near the incident</source>
        <translation>Cameras near the incident</translation>
    </message>
    <message>
        <source>the CCTV cameras nearest to the incident, with their distance; Enter plays a camera's stream, S attaches a still of it to the incident (its SHA-256 in the narrative), Esc stops</source>
        <translation>the CCTV cameras nearest to the incident, with their distance; Enter plays a camera's stream, S attaches a still of it to the incident (its SHA-256 in the narrative), Esc stops</translation>
    </message>
    <message>
        <source>Command line</source>
        <translation>Command line</translation>
    </message>
    <message>
        <source>command line (Tab completes, arrows recall, Esc leaves); commands in Help (F1)</source>
        <translation>command line (Tab completes, arrows recall, Esc leaves); commands in Help (F1)</translation>
    </message>
    <message>
        <source>Find a unit or an incident (command line)</source>
        <translation>Find a unit or an incident (command line)</translation>
    </message>
    <message>
        <source>Go to calls</source>
        <translation>Go to calls</translation>
    </message>
    <message>
        <source>go to calls</source>
        <translation>go to calls</translation>
    </message>
    <message>
        <source>Go to active incidents</source>
        <translation>Go to active incidents</translation>
    </message>
    <message>
        <source>go to active incidents</source>
        <translation>go to active incidents</translation>
    </message>
    <message>
        <source>Go to units</source>
        <translation>Go to units</translation>
    </message>
    <message>
        <source>go to the unit board</source>
        <translation>go to the unit board</translation>
    </message>
    <message>
        <source>Go to callbacks</source>
        <translation>Go to callbacks</translation>
    </message>
    <message>
        <source>go to callbacks</source>
        <translation>go to callbacks</translation>
    </message>
    <message>
        <source>Filter the unit board</source>
        <translation>Filter the unit board</translation>
    </message>
    <message>
        <source>filter the unit board (call sign, agency, status, station)</source>
        <translation>filter the unit board (call sign, agency, status, station)</translation>
    </message>
    <message>
        <source>Go to the situation map</source>
        <translation>Go to the situation map</translation>
    </message>
    <message>
        <source>the situation map: open incidents and units; arrows move it, + and - zoom, N and P select an incident, Enter opens it</source>
        <translation>the situation map: open incidents and units; arrows move it, + and - zoom, N and P select an incident, Enter opens it</translation>
    </message>
    <message>
        <source>Call-taker position</source>
        <translation>Call-taker position</translation>
    </message>
    <message>
        <source>call-taker position: calls and callers, the incident form, the protocol card</source>
        <translation>call-taker position: calls and callers, the incident form, the protocol card</translation>
    </message>
    <message>
        <source>Dispatcher position</source>
        <translation>Dispatcher position</translation>
    </message>
    <message>
        <source>dispatcher position: incidents, the incident with its dispatch panel, the unit board</source>
        <translation>dispatcher position: incidents, the incident with its dispatch panel, the unit board</translation>
    </message>
    <message>
        <source>Supervisor position</source>
        <translation>Supervisor position</translation>
    </message>
    <message>
        <source>supervisor position: calls, incidents and callbacks, units, overdue timers, the duty shift</source>
        <translation>supervisor position: calls, incidents and callbacks, units, overdue timers, the duty shift</translation>
    </message>
    <message>
        <source>Review position</source>
        <translation>Review position</translation>
    </message>
    <message>
        <source>review position (supervisor): the shift log with timelines and quality review; the figures and the handover beside it</source>
        <translation>review position (supervisor): the shift log with timelines and quality review; the figures and the handover beside it</translation>
    </message>
    <message>
        <source>Trainer position</source>
        <translation>Trainer position</translation>
    </message>
    <message>
        <source>trainer position (training): the trainer's panel and the debrief; the units and calls beside them</source>
        <translation>trainer position (training): the trainer's panel and the debrief; the units and calls beside them</translation>
    </message>
    <message>
        <source>Go to the duty shift and its handover</source>
        <translation>Go to the duty shift and its handover</translation>
    </message>
    <message>
        <source>the duty shift (supervisor): who is on duty, pass-down instructions, the handover report</source>
        <translation>the duty shift (supervisor): who is on duty, pass-down instructions, the handover report</translation>
    </message>
    <message>
        <source>Open the shift</source>
        <translation>Open the shift</translation>
    </message>
    <message>
        <source>open the shift of the centre's pattern now (supervisor); then type the pass-down instructions</source>
        <translation>open the shift of the centre's pattern now (supervisor); then type the pass-down instructions</translation>
    </message>
    <message>
        <source>Close the shift</source>
        <translation>Close the shift</translation>
    </message>
    <message>
        <source>close the open shift (supervisor; asks first)</source>
        <translation>close the open shift (supervisor; asks first)</translation>
    </message>
    <message>
        <source>Sign off the handover report</source>
        <translation>Sign off the handover report</translation>
    </message>
    <message>
        <source>sign off the closed shift's handover report (outgoing lead; asks first; signed, it never changes)</source>
        <translation>sign off the closed shift's handover report (outgoing lead; asks first; signed, it never changes)</translation>
    </message>
    <message>
        <source>Acknowledge the handover report</source>
        <translation>Acknowledge the handover report</translation>
    </message>
    <message>
        <source>acknowledge the signed handover report (incoming lead, another supervisor: Ctrl+Shift+L first; asks first)</source>
        <translation>acknowledge the signed handover report (incoming lead, another supervisor: Ctrl+Shift+L first; asks first)</translation>
    </message>
    <message>
        <source>Add an addendum to the signed report</source>
        <translation>Add an addendum to the signed report</translation>
    </message>
    <message>
        <source>add an addendum to the signed handover report (Enter saves it; the report stays as signed)</source>
        <translation>add an addendum to the signed handover report (Enter saves it; the report stays as signed)</translation>
    </message>
    <message>
        <source>Print the report</source>
        <translation>Print the report</translation>
    </message>
    <message>
        <source>print the handover report shown (the figures, when the figures panel has the focus)</source>
        <translation>print the handover report shown (the figures, when the figures panel has the focus)</translation>
    </message>
    <message>
        <source>Save the report as PDF, CSV or JSON</source>
        <translation>Save the report as PDF, CSV or JSON</translation>
    </message>
    <message>
        <source>save the handover report shown (or the figures) as PDF, CSV or JSON, in your language</source>
        <translation>save the handover report shown (or the figures) as PDF, CSV or JSON, in your language</translation>
    </message>
    <message>
        <source>Shift log</source>
        <translation>Shift log</translation>
    </message>
    <message>
        <source>shift log (supervisor): filter calls and incidents as you type; Enter on a row shows its timeline</source>
        <translation>shift log (supervisor): filter calls and incidents as you type; Enter on a row shows its timeline</translation>
    </message>
    <message>
        <source>Go to the trainer's panel</source>
        <translation>Go to the trainer's panel</translation>
    </message>
    <message>
        <source>the trainer's panel: scenarios, trainees (Space marks), the session's calls as the trainees fill them in</source>
        <translation>the trainer's panel: scenarios, trainees (Space marks), the session's calls as the trainees fill them in</translation>
    </message>
    <message>
        <source>Start the scenario</source>
        <translation>Start the scenario</translation>
    </message>
    <message>
        <source>start the chosen scenario for the trainees marked</source>
        <translation>start the chosen scenario for the trainees marked</translation>
    </message>
    <message>
        <source>Pause or resume the scenario</source>
        <translation>Pause or resume the scenario</translation>
    </message>
    <message>
        <source>pause the scenario (nothing rings, no simulated unit moves) or resume it</source>
        <translation>pause the scenario (nothing rings, no simulated unit moves) or resume it</translation>
    </message>
    <message>
        <source>Scenario speed</source>
        <translation>Scenario speed</translation>
    </message>
    <message>
        <source>the scenario's speed: half, normal, 2, 4 or 8 times</source>
        <translation>the scenario's speed: half, normal, 2, 4 or 8 times</translation>
    </message>
    <message>
        <source>Ring a scenario call now</source>
        <translation>Ring a scenario call now</translation>
    </message>
    <message>
        <source>ring one of the scenario's calls not yet rung, now</source>
        <translation>ring one of the scenario's calls not yet rung, now</translation>
    </message>
    <message>
        <source>Play the caller: type a line</source>
        <translation>Play the caller: type a line</translation>
    </message>
    <message>
        <source>play the caller of the call selected in the trainer's panel: type a line, Enter says it</source>
        <translation>play the caller of the call selected in the trainer's panel: type a line, Enter says it</translation>
    </message>
    <message>
        <source>Delay the selected unit</source>
        <translation>Delay the selected unit</translation>
    </message>
    <message>
        <source>hold the selected simulated unit: its next status comes 30 s to 5 min later</source>
        <translation>hold the selected simulated unit: its next status comes 30 s to 5 min later</translation>
    </message>
    <message>
        <source>Take the selected unit out of service</source>
        <translation>Take the selected unit out of service</translation>
    </message>
    <message>
        <source>the selected simulated unit breaks down: released from its incident, out of service</source>
        <translation>the selected simulated unit breaks down: released from its incident, out of service</translation>
    </message>
    <message>
        <source>End and score the scenario</source>
        <translation>End and score the scenario</translation>
    </message>
    <message>
        <source>end the scenario and score each call against its truth (asks first); the debrief follows</source>
        <translation>end the scenario and score each call against its truth (asks first); the debrief follows</translation>
    </message>
    <message>
        <source>Debrief</source>
        <translation>Debrief</translation>
    </message>
    <message>
        <source>the debrief of a session and trainee: actions beside the expected ones, scores, history</source>
        <translation>the debrief of a session and trainee: actions beside the expected ones, scores, history</translation>
    </message>
    <message>
        <source>Save the debrief as PDF</source>
        <translation>Save the debrief as PDF</translation>
    </message>
    <message>
        <source>save the debrief shown as PDF, in your language</source>
        <translation>save the debrief shown as PDF, in your language</translation>
    </message>
    <message>
        <source>Quality review</source>
        <translation>Quality review</translation>
    </message>
    <message>
        <source>quality review (supervisor): draw a sample of the period's calls, score each on the review form</source>
        <translation>quality review (supervisor): draw a sample of the period's calls, score each on the review form</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>Figures</translation>
    </message>
    <message>
        <source>figures and charts of a shift or a period: answer and processing times against their targets</source>
        <translation>figures and charts of a shift or a period: answer and processing times against their targets</translation>
    </message>
    <message>
        <source>Acknowledge alarms</source>
        <translation>Acknowledge alarms</translation>
    </message>
    <message>
        <source>acknowledge feed alarms and overdue-timer alerts</source>
        <translation>acknowledge feed alarms and overdue-timer alerts</translation>
    </message>
    <message>
        <source>Watch list (supervisor)</source>
        <translation>Watch list (supervisor)</translation>
    </message>
    <message>
        <source>watch list and telco block requests (supervisors edit)</source>
        <translation>watch list and telco block requests (supervisors edit)</translation>
    </message>
    <message>
        <source>User accounts</source>
        <translation>User accounts</translation>
    </message>
    <message>
        <source>user accounts (supervisors and administrators add accounts)</source>
        <translation>user accounts (supervisors and administrators add accounts)</translation>
    </message>
    <message>
        <source>Unit roster</source>
        <translation>Unit roster</translation>
    </message>
    <message>
        <source>unit roster (supervisors edit; CSV import and export)</source>
        <translation>unit roster (supervisors edit; CSV import and export)</translation>
    </message>
    <message>
        <source>Agency directory and cameras…</source>
        <translation>Agency directory and cameras…</translation>
    </message>
    <message>
        <source>agency directory (whom to call for which categories and areas) and camera registry, CSV import and export</source>
        <translation>agency directory (whom to call for which categories and areas) and camera registry, CSV import and export</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>settings (language, console name, time zone, centre's area, ETA speed, timer limits, feeds)</source>
        <translation>settings (language, console name, time zone, centre's area, ETA speed, timer limits, feeds)</translation>
    </message>
    <message>
        <source>Change user</source>
        <translation>Change user</translation>
    </message>
    <message>
        <source>change user: the next user logs in at this console (asks while work is open)</source>
        <translation>change user: the next user logs in at this console (asks while work is open)</translation>
    </message>
    <message>
        <source>Log out (the console stays locked)</source>
        <translation>Log out (the console stays locked)</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>quit (asks while calls ring or an incident is open)</source>
        <translation>quit (asks while calls ring or an incident is open)</translation>
    </message>
    <message>
        <source>Keyboard shortcuts and commands</source>
        <translation>Keyboard shortcuts and commands</translation>
    </message>
    <message>
        <source>this list of keys, and the command line's commands</source>
        <translation>this list of keys, and the command line's commands</translation>
    </message>
    <message>
        <source>About the console</source>
        <translation>About the console</translation>
    </message>
    <message>
        <source>In calls: answer a ringing call or open its incident</source>
        <translation>In calls: answer a ringing call or open its incident</translation>
    </message>
    <message>
        <source>In active incidents: open the incident</source>
        <translation>In active incidents: open the incident</translation>
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
        <source>Next or previous field; each field saves as you leave it</source>
        <translation>Next or previous field; each field saves as you leave it</translation>
    </message>
    <message>
        <source>In the incident form: keep the value another console saved</source>
        <translation>In the incident form: keep the value another console saved</translation>
    </message>
    <message>
        <source>In the incident form: save your value over another console's</source>
        <translation>In the incident form: save your value over another console's</translation>
    </message>
    <message>
        <source>In the incident form: use the handset position offered (AML)</source>
        <translation>In the incident form: use the handset position offered (AML)</translation>
    </message>
    <message>
        <source>In the shift log: show the incident's timeline</source>
        <translation>In the shift log: show the incident's timeline</translation>
    </message>
    <message>
        <source>In the map: select the next incident, nearest the middle first (or Tab)</source>
        <translation>In the map: select the next incident, nearest the middle first (or Tab)</translation>
    </message>
    <message>
        <source>In the map: select the previous incident (or Shift+Tab)</source>
        <translation>In the map: select the previous incident (or Shift+Tab)</translation>
    </message>
    <message>
        <source>In the map: open the selected incident in the form</source>
        <translation>In the map: open the selected incident in the form</translation>
    </message>
    <message>
        <source>In the map: zoom in (or Ctrl+wheel)</source>
        <translation>In the map: zoom in (or Ctrl+wheel)</translation>
    </message>
    <message>
        <source>In the map: zoom out</source>
        <translation>In the map: zoom out</translation>
    </message>
    <message>
        <source>In the map: show every incident and unit</source>
        <translation>In the map: show every incident and unit</translation>
    </message>
    <message>
        <source>In whom to call: record a forwarding to the agency (channel, person, reference, time)</source>
        <translation>In whom to call: record a forwarding to the agency (channel, person, reference, time)</translation>
    </message>
    <message>
        <source>In whom to call: the console dials the agency, your extension rings first (AMI)</source>
        <translation>In whom to call: the console dials the agency, your extension rings first (AMI)</translation>
    </message>
    <message>
        <source>In the forwarding's channel: 1 telephone, 2 dialled, 3 radio, 4 SMS, 5 WhatsApp, 6 in person</source>
        <translation>In the forwarding's channel: 1 telephone, 2 dialled, 3 radio, 4 SMS, 5 WhatsApp, 6 in person</translation>
    </message>
    <message>
        <source>In the forwarding or report row: record it (Esc goes back)</source>
        <translation>In the forwarding or report row: record it (Esc goes back)</translation>
    </message>
    <message>
        <source>On a forwarding: 1 acknowledged, 2 dispatched, 3 arrived, 4 handled, 5 needs help, 6 note, 7 cancel; Enter records it with its time and text</source>
        <translation>On a forwarding: 1 acknowledged, 2 dispatched, 3 arrived, 4 handled, 5 needs help, 6 note, 7 cancel; Enter records it with its time and text</translation>
    </message>
    <message>
        <source>In the cameras: play the chosen camera's stream</source>
        <translation>In the cameras: play the chosen camera's stream</translation>
    </message>
    <message>
        <source>In the cameras: attach a still of the picture shown to the incident</source>
        <translation>In the cameras: attach a still of the picture shown to the incident</translation>
    </message>
    <message>
        <source>In the cameras: stop the stream (its last picture stays)</source>
        <translation>In the cameras: stop the stream (its last picture stays)</translation>
    </message>
    <message>
        <source>Cancel a one-key choice</source>
        <translation>Cancel a one-key choice</translation>
    </message>
</context>
<context>
    <name>AlertList</name>
    <message>
        <source>⚠ OVERDUE Call from %1 ringing for %2 (limit %3)</source>
        <translation>⚠ OVERDUE Call from %1 ringing for %2 (limit %3)</translation>
    </message>
    <message>
        <source>⚠ OVERDUE Incident %1 answered %2 ago, no unit dispatched (limit %3)</source>
        <translation>⚠ OVERDUE Incident %1 answered %2 ago, no unit dispatched (limit %3)</translation>
    </message>
    <message>
        <source>⚠ OVERDUE %1 dispatched %2 ago, not acknowledged (limit %3)</source>
        <translation>⚠ OVERDUE %1 dispatched %2 ago, not acknowledged (limit %3)</translation>
    </message>
    <message>
        <source>⚠ OVERDUE %1 en route for %2 (limit %3)</source>
        <translation>⚠ OVERDUE %1 en route for %2 (limit %3)</translation>
    </message>
    <message>
        <source>⚠ OVERDUE %1 on scene without an update for %2 (limit %3)</source>
        <translation>⚠ OVERDUE %1 on scene without an update for %2 (limit %3)</translation>
    </message>
    <message>
        <source>⚠ OVERDUE %1 has not acknowledged the forwarding, sent %2 ago (limit %3)</source>
        <translation>⚠ OVERDUE %1 has not acknowledged the forwarding, sent %2 ago (limit %3)</translation>
    </message>
    <message>
        <source>⚠ SMS to %1 could not be sent (%2 ago): tell them by telephone</source>
        <translation>⚠ SMS to %1 could not be sent (%2 ago): tell them by telephone</translation>
    </message>
    <message>
        <source>⚠ SMS to %1 was not delivered (%2 ago): tell them by telephone</source>
        <translation>⚠ SMS to %1 was not delivered (%2 ago): tell them by telephone</translation>
    </message>
    <message>
        <source>⚠ SMS to %1 waiting for %2: no modem is sending it; tell them by telephone</source>
        <translation>⚠ SMS to %1 waiting for %2: no modem is sending it; tell them by telephone</translation>
    </message>
    <message>
        <source>⚠ The console could not dial %1 (%2 ago): call by telephone</source>
        <translation>⚠ The console could not dial %1 (%2 ago): call by telephone</translation>
    </message>
    <message>
        <source>⚠ Dialling %1 waiting for %2: the PBX is not taking it; call by telephone</source>
        <translation>⚠ Dialling %1 waiting for %2: the PBX is not taking it; call by telephone</translation>
    </message>
    <message>
        <source>⚠ DATABASE DAMAGED: %1 (found %2 ago). Tell the supervisor: the installer restores the last backup.</source>
        <translation>⚠ DATABASE DAMAGED: %1 (found %2 ago). Tell the supervisor: the installer restores the last backup.</translation>
    </message>
    <message>
        <source>⚠ %1 (last heartbeat %2 ago). Tell the supervisor; write down the calls answered at the telephone until it is back.</source>
        <translation>⚠ %1 (last heartbeat %2 ago). Tell the supervisor; write down the calls answered at the telephone until it is back.</translation>
    </message>
    <message>
        <source>⚠ %1. Tell the supervisor; write down the calls answered at the telephone until it runs.</source>
        <translation>⚠ %1. Tell the supervisor; write down the calls answered at the telephone until it runs.</translation>
    </message>
    <message>
        <source>⚠ Handset position from %1 with no call (received %2 ago)</source>
        <translation>⚠ Handset position from %1 with no call (received %2 ago)</translation>
    </message>
    <message>
        <source>⚠ ALERT %1 since %2</source>
        <translation>⚠ ALERT %1 since %2</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>No overdue timers.</source>
        <translation>No overdue timers.</translation>
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
    <name>CallbackQueue</name>
    <message>
        <source>not yet called back</source>
        <translation>not yet called back</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Rang</source>
        <translation>Rang</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Waiting</translation>
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
        <source>Attempts</source>
        <translation>Attempts</translation>
    </message>
    <message>
        <source>Last attempt</source>
        <translation>Last attempt</translation>
    </message>
</context>
<context>
    <name>CallerLines</name>
    <message>
        <source>The caller says (training)</source>
        <translation>The caller says (training)</translation>
    </message>
    <message>
        <source>No training call on the line.</source>
        <translation>No training call on the line.</translation>
    </message>
    <message>
        <source>Caller %1: nothing said yet.</source>
        <translation>Caller %1: nothing said yet.</translation>
    </message>
    <message>
        <source>Caller %1:</source>
        <translation>Caller %1:</translation>
    </message>
</context>
<context>
    <name>CallerPanel</name>
    <message>
        <source>Caller</source>
        <translation>Caller</translation>
    </message>
    <message>
        <source>No call is ringing.</source>
        <translation>No call is ringing.</translation>
    </message>
    <message>
        <source>%1: no history (the number is not shown).</source>
        <translation>%1: no history (the number is not shown).</translation>
    </message>
    <message>
        <source>⚠ REPEAT PRANK CALLER: %1 prank calls in 24 h before this one — still answer it</source>
        <translation>⚠ REPEAT PRANK CALLER: %1 prank calls in 24 h before this one — still answer it</translation>
    </message>
    <message>
        <source>● WATCH LIST since %1: %2</source>
        <translation>● WATCH LIST since %1: %2</translation>
    </message>
    <message>
        <source>✖ BLOCK REQUESTED FROM TELCO on %1</source>
        <translation>✖ BLOCK REQUESTED FROM TELCO on %1</translation>
    </message>
    <message>
        <source>Earlier calls: %1 in 24 h, %2 in 30 days, %3 in all</source>
        <translation>Earlier calls: %1 in 24 h, %2 in 30 days, %3 in all</translation>
    </message>
    <message>
        <source>Last calls:</source>
        <translation>Last calls:</translation>
    </message>
    <message>
        <source>First call from this number.</source>
        <translation>First call from this number.</translation>
    </message>
</context>
<context>
    <name>CameraDock</name>
    <message>
        <source>No incident open: open one to see the cameras near it.</source>
        <extracomment>Cameras listed for an incident. The camera whose stream is played (or was, its last picture still shown). How long a stream may show no picture before it is stopped (a test shortens it).</extracomment>
        <translation>No incident open: open one to see the cameras near it.</translation>
    </message>
    <message>
        <source>%1 has no position yet: type its coordinates, pick its kelurahan or use the handset's position, and the cameras near it are listed.</source>
        <translation>%1 has no position yet: type its coordinates, pick its kelurahan or use the handset's position, and the cameras near it are listed.</translation>
    </message>
    <message>
        <source>Cameras near %1: looking…</source>
        <translation>Cameras near %1: looking…</translation>
    </message>
    <message>
        <source>The cameras were not read: the database is not answering.</source>
        <translation>The cameras were not read: the database is not answering.</translation>
    </message>
    <message>
        <source>The cameras could not be read: %1</source>
        <translation>The cameras could not be read: %1</translation>
    </message>
    <message>
        <source>No camera within %1 of %2.</source>
        <translation>No camera within %1 of %2.</translation>
    </message>
    <message>
        <source>Cameras nearest to %1 (%2):</source>
        <translation>Cameras nearest to %1 (%2):</translation>
    </message>
    <message>
        <source>Cameras nearest to %1:</source>
        <translation>Cameras nearest to %1:</translation>
    </message>
    <message>
        <source>The position is the centre of %1: the distances are rough.</source>
        <translation>The position is the centre of %1: the distances are rough.</translation>
    </message>
    <message>
        <source>Choose a camera and press Enter to play its stream.</source>
        <translation>Choose a camera and press Enter to play its stream.</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Connecting to %1…</translation>
    </message>
    <message>
        <source>Playing %1, live. S attaches a still of this picture to %2.</source>
        <translation>Playing %1, live. S attaches a still of this picture to %2.</translation>
    </message>
    <message>
        <source>%1 does not answer: no picture after %3 s. Stopped; Enter tries again.</source>
        <translation>%1 does not answer: no picture after %3 s. Stopped; Enter tries again.</translation>
    </message>
    <message>
        <source>The picture from %1 stopped: nothing new for %3 s. The last picture stays; Enter tries again.</source>
        <translation>The picture from %1 stopped: nothing new for %3 s. The last picture stays; Enter tries again.</translation>
    </message>
    <message>
        <source>The stream of %1 ended. Enter plays it again.</source>
        <translation>The stream of %1 ended. Enter plays it again.</translation>
    </message>
    <message>
        <source>Stopped. Enter plays the camera chosen.</source>
        <translation>Stopped. Enter plays the camera chosen.</translation>
    </message>
    <message>
        <source>The stream of %1 could not be opened: the camera refused the connection, is switched off, or its address is wrong (%4).</source>
        <translation>The stream of %1 could not be opened: the camera refused the connection, is switched off, or its address is wrong (%4).</translation>
    </message>
    <message>
        <source>The network to %1 broke off. Enter tries again.</source>
        <translation>The network to %1 broke off. Enter tries again.</translation>
    </message>
    <message>
        <source>%1 sends a stream this console cannot play (%4).</source>
        <translation>%1 sends a stream this console cannot play (%4).</translation>
    </message>
    <message>
        <source>%1 refused access: check the user name and password in its address.</source>
        <translation>%1 refused access: check the user name and password in its address.</translation>
    </message>
    <message>
        <source>%1 could not be played (%4).</source>
        <translation>%1 could not be played (%4).</translation>
    </message>
    <message>
        <source>Streams cannot be played on this console: Qt Multimedia could not be loaded (%1). On Debian, install the package libpulse0 (docs/installing.md). The cameras are still listed.</source>
        <translation>Streams cannot be played on this console: Qt Multimedia could not be loaded (%1). On Debian, install the package libpulse0 (docs/installing.md). The cameras are still listed.</translation>
    </message>
    <message>
        <source>No incident open to attach the still to.</source>
        <translation>No incident open to attach the still to.</translation>
    </message>
    <message>
        <source>No picture to attach: play a camera first (Enter).</source>
        <translation>No picture to attach: play a camera first (Enter).</translation>
    </message>
    <message>
        <source>Attaching the still to %1…</source>
        <translation>Attaching the still to %1…</translation>
    </message>
    <message>
        <source>Still from %1 attached to %2 at %3 (SHA-256 %4).</source>
        <translation>Still from %1 attached to %2 at %3 (SHA-256 %4).</translation>
    </message>
    <message>
        <source>the database is not answering; press S again</source>
        <translation>the database is not answering; press S again</translation>
    </message>
    <message>
        <source>The still was not attached to %1: %2</source>
        <translation>The still was not attached to %1: %2</translation>
    </message>
    <message>
        <source>Distance</source>
        <extracomment>A stream that shows no picture for this long is stopped and said so. The picture is painted at most this often (a camera sends 25 frames a second; seeing 12 is enough to verify a report, and each frame is converted to an image on the GUI thread). No picture within ``no_picture_ms`` of starting (the camera does not answer); stopped. Pictures came, then none for ``no_picture_ms``; stopped, the last picture kept. The player's error (``detail``: the kind of error, see ``StreamPlayer.error_kind``); stopped. The player's errors, as ``error_kind`` names them.</extracomment>
        <translation>Distance</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Camera</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Cameras nearest to the incident</source>
        <translation>Cameras nearest to the incident</translation>
    </message>
    <message>
        <source>Play (Enter)</source>
        <translation>Play (Enter)</translation>
    </message>
    <message>
        <source>Attach still (S)</source>
        <translation>Attach still (S)</translation>
    </message>
    <message>
        <source>Stop (Esc)</source>
        <translation>Stop (Esc)</translation>
    </message>
</context>
<context>
    <name>Capabilities</name>
    <message>
        <source>patrol</source>
        <extracomment>A position this uncertain (metres) or more makes the distances from it rough ("~2.1 km").</extracomment>
        <translation>patrol</translation>
    </message>
    <message>
        <source>ambulance (basic life support)</source>
        <translation>ambulance (basic life support)</translation>
    </message>
    <message>
        <source>ambulance (advanced life support)</source>
        <translation>ambulance (advanced life support)</translation>
    </message>
    <message>
        <source>fire engine</source>
        <translation>fire engine</translation>
    </message>
    <message>
        <source>rescue</source>
        <translation>rescue</translation>
    </message>
    <message>
        <source>water tanker</source>
        <translation>water tanker</translation>
    </message>
    <message>
        <source>boat</source>
        <translation>boat</translation>
    </message>
    <message>
        <source>hearse</source>
        <translation>hearse</translation>
    </message>
    <message>
        <source>tow truck</source>
        <translation>tow truck</translation>
    </message>
    <message>
        <source>utility crew</source>
        <translation>utility crew</translation>
    </message>
    <message>
        <source>social outreach</source>
        <translation>social outreach</translation>
    </message>
</context>
<context>
    <name>ChoiceBar</name>
    <message>
        <source>[Esc] Cancel</source>
        <translation>[Esc] Cancel</translation>
    </message>
    <message>
        <source>%1 is not one of the choices: press %2, or Esc to cancel.</source>
        <translation>%1 is not one of the choices: press %2, or Esc to cancel.</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>Type a command, e.g. d 123 PSC-01 (help lists them).</source>
        <translation>Type a command, e.g. d 123 PSC-01 (help lists them).</translation>
    </message>
    <message>
        <source>“%1” is not a command: dispatch, status, note, close, find or help.</source>
        <translation>“%1” is not a command: dispatch, status, note, close, find or help.</translation>
    </message>
    <message>
        <source>Name the incident: its number (2026-000123), the short 123, or . for the open one.</source>
        <translation>Name the incident: its number (2026-000123), the short 123, or . for the open one.</translation>
    </message>
    <message>
        <source>“%1” is not an incident number: 2026-000123, 123 or . for the open one.</source>
        <translation>“%1” is not an incident number: 2026-000123, 123 or . for the open one.</translation>
    </message>
    <message>
        <source>Name the unit by its call sign.</source>
        <translation>Name the unit by its call sign.</translation>
    </message>
    <message>
        <source>“%1” is too long for a call sign.</source>
        <translation>“%1” is too long for a call sign.</translation>
    </message>
    <message>
        <source>Name the status, e.g. ack, otw, tiba, clr (see help).</source>
        <translation>Name the status, e.g. ack, otw, tiba, clr (see help).</translation>
    </message>
    <message>
        <source>“%1” is not a unit status (see help status).</source>
        <translation>“%1” is not a unit status (see help status).</translation>
    </message>
    <message>
        <source>Type the note after the incident number.</source>
        <translation>Type the note after the incident number.</translation>
    </message>
    <message>
        <source>The note is too long.</source>
        <translation>The note is too long.</translation>
    </message>
    <message>
        <source>Name how it ended: 1-7 as with F9, or a word (see help close).</source>
        <translation>Name how it ended: 1-7 as with F9, or a word (see help close).</translation>
    </message>
    <message>
        <source>“%1” is not a disposition: 1-7 as with F9.</source>
        <translation>“%1” is not a disposition: 1-7 as with F9.</translation>
    </message>
    <message>
        <source>Name a call sign or an incident number to find.</source>
        <translation>Name a call sign or an incident number to find.</translation>
    </message>
    <message>
        <source>“%1” is one word too many.</source>
        <translation>“%1” is one word too many.</translation>
    </message>
    <message>
        <source>dispatch | d | kirim &lt;incident&gt; &lt;call sign&gt; [call sign…]</source>
        <translation>dispatch | d | kirim &lt;incident&gt; &lt;call sign&gt; [call sign…]</translation>
    </message>
    <message>
        <source>Send one or more units to the incident (as F6).</source>
        <translation>Send one or more units to the incident (as F6).</translation>
    </message>
    <message>
        <source>status | s | st &lt;call sign&gt; &lt;status&gt;</source>
        <translation>status | s | st &lt;call sign&gt; &lt;status&gt;</translation>
    </message>
    <message>
        <source>Set the unit's status (as F7 / Shift+F7).</source>
        <translation>Set the unit's status (as F7 / Shift+F7).</translation>
    </message>
    <message>
        <source>note | n | catat &lt;incident&gt; &lt;text&gt;</source>
        <translation>note | n | catat &lt;incident&gt; &lt;text&gt;</translation>
    </message>
    <message>
        <source>Add a note to the narrative (as F8).</source>
        <translation>Add a note to the narrative (as F8).</translation>
    </message>
    <message>
        <source>n . Victim conscious, breathing</source>
        <translation>n . Victim conscious, breathing</translation>
    </message>
    <message>
        <source>close | tutup &lt;incident&gt; &lt;disposition&gt;</source>
        <translation>close | tutup &lt;incident&gt; &lt;disposition&gt;</translation>
    </message>
    <message>
        <source>Close the incident; units still on it are released (as F9).</source>
        <translation>Close the incident; units still on it are released (as F9).</translation>
    </message>
    <message>
        <source>reopen | bukaulang &lt;incident&gt;</source>
        <translation>reopen | bukaulang &lt;incident&gt;</translation>
    </message>
    <message>
        <source>Reopen a closed incident (as Ctrl+Shift+F9).</source>
        <translation>Reopen a closed incident (as Ctrl+Shift+F9).</translation>
    </message>
    <message>
        <source>find | f | cari &lt;call sign or incident&gt;</source>
        <translation>find | f | cari &lt;call sign or incident&gt;</translation>
    </message>
    <message>
        <source>Select the unit on the unit board, or open the incident.</source>
        <translation>Select the unit on the unit board, or open the incident.</translation>
    </message>
    <message>
        <source>help | ? | bantuan [command]</source>
        <translation>help | ? | bantuan [command]</translation>
    </message>
    <message>
        <source>Open Help, or show one command's syntax here.</source>
        <translation>Open Help, or show one command's syntax here.</translation>
    </message>
    <message>
        <source>d 123 PSC-01 · s PSC-01 otw · n . text · close . 1 · f PSC-01 · help</source>
        <extracomment>The offscreen platform (tests, screenshots) cannot raise a popup; suggestions are still kept.</extracomment>
        <translation>d 123 PSC-01 · s PSC-01 otw · n . text · close . 1 · f PSC-01 · help</translation>
    </message>
    <message>
        <source>&amp;Command (Ctrl+K):</source>
        <translation>&amp;Command (Ctrl+K):</translation>
    </message>
    <message>
        <source>Dispatched %1 to %2.</source>
        <translation>Dispatched %1 to %2.</translation>
    </message>
    <message>
        <source>%1 is now %2.</source>
        <translation>%1 is now %2.</translation>
    </message>
    <message>
        <source>Note added to %1.</source>
        <translation>Note added to %1.</translation>
    </message>
    <message>
        <source>Incident %1 closed: %2.</source>
        <translation>Incident %1 closed: %2.</translation>
    </message>
    <message>
        <source>Incident %1 reopened.</source>
        <translation>Incident %1 reopened.</translation>
    </message>
    <message>
        <source>Incident %1 opened.</source>
        <translation>Incident %1 opened.</translation>
    </message>
    <message>
        <source>No unit or incident “%1”.</source>
        <translation>No unit or incident “%1”.</translation>
    </message>
    <message>
        <source>Help is open; the Commands tab lists every command.</source>
        <translation>Help is open; the Commands tab lists every command.</translation>
    </message>
    <message>
        <source>%1: %2 Example: %3</source>
        <translation>%1: %2 Example: %3</translation>
    </message>
    <message>
        <source>No incident is open on screen: type its number instead of “.”.</source>
        <translation>No incident is open on screen: type its number instead of “.”.</translation>
    </message>
    <message>
        <source>Unknown incident %1.</source>
        <translation>Unknown incident %1.</translation>
    </message>
    <message>
        <source>Unknown unit “%1”.</source>
        <translation>Unknown unit “%1”.</translation>
    </message>
    <message>
        <source>%1 is %2; from there: %3.</source>
        <translation>%1 is %2; from there: %3.</translation>
    </message>
    <message>
        <source>%1 is %2.</source>
        <translation>%1 is %2.</translation>
    </message>
    <message>
        <source>The note is empty.</source>
        <translation>The note is empty.</translation>
    </message>
</context>
<context>
    <name>ConnectionBanner</name>
    <message>
        <source>reconnecting now</source>
        <translation>reconnecting now</translation>
    </message>
    <message>
        <source>reconnecting (next try in %1 s)</source>
        <translation>reconnecting (next try in %1 s)</translation>
    </message>
    <message>
        <source>%1, attempts so far: %2</source>
        <translation>%1, attempts so far: %2</translation>
    </message>
    <message>
        <source>CONNECTION TO THE DATABASE LOST at %1; %2. What you type is kept and saved when it is back.</source>
        <translation>CONNECTION TO THE DATABASE LOST at %1; %2. What you type is kept and saved when it is back.</translation>
    </message>
</context>
<context>
    <name>DebriefReport</name>
    <message>
        <source>Training debrief</source>
        <translation>Training debrief</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>passed</translation>
    </message>
    <message>
        <source>not passed</source>
        <translation>not passed</translation>
    </message>
    <message>
        <source>Answer time</source>
        <translation>Answer time</translation>
    </message>
    <message>
        <source>Call class</source>
        <translation>Call class</translation>
    </message>
    <message>
        <source>Incident category</source>
        <translation>Incident category</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priority</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Location</translation>
    </message>
    <message>
        <source>Protocol questions</source>
        <translation>Protocol questions</translation>
    </message>
    <message>
        <source>Agencies and units</source>
        <translation>Agencies and units</translation>
    </message>
    <message>
        <source>Time to dispatch</source>
        <translation>Time to dispatch</translation>
    </message>
    <message>
        <source>Form fields</source>
        <translation>Form fields</translation>
    </message>
    <message>
        <source>within the time</source>
        <translation>within the time</translation>
    </message>
    <message>
        <source>late: part of the credit</source>
        <translation>late: part of the credit</translation>
    </message>
    <message>
        <source>too late: no credit</source>
        <translation>too late: no credit</translation>
    </message>
    <message>
        <source>not answered</source>
        <translation>not answered</translation>
    </message>
    <message>
        <source>caller not reached on callback</source>
        <translation>caller not reached on callback</translation>
    </message>
    <message>
        <source>no unit dispatched</source>
        <translation>no unit dispatched</translation>
    </message>
    <message>
        <source>right</source>
        <translation>right</translation>
    </message>
    <message>
        <source>wrong</source>
        <translation>wrong</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>not recorded</translation>
    </message>
    <message>
        <source>half: classified silent or caller reached, not both</source>
        <translation>half: classified silent or caller reached, not both</translation>
    </message>
    <message>
        <source>all</source>
        <translation>all</translation>
    </message>
    <message>
        <source>some</source>
        <translation>some</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>Caller name</source>
        <translation>Caller name</translation>
    </message>
    <message>
        <source>Callback number</source>
        <translation>Callback number</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>Province</translation>
    </message>
    <message>
        <source>Regency or city</source>
        <translation>Regency or city</translation>
    </message>
    <message>
        <source>District (kecamatan)</source>
        <translation>District (kecamatan)</translation>
    </message>
    <message>
        <source>Village (kelurahan)</source>
        <translation>Village (kelurahan)</translation>
    </message>
    <message>
        <source>Street</source>
        <translation>Street</translation>
    </message>
    <message>
        <source>House number</source>
        <translation>House number</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>Postcode</translation>
    </message>
    <message>
        <source>Landmark</source>
        <translation>Landmark</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Answered</translation>
    </message>
    <message>
        <source>Classified: %1</source>
        <translation>Classified: %1</translation>
    </message>
    <message>
        <source>Field filled: %1</source>
        <translation>Field filled: %1</translation>
    </message>
    <message>
        <source>Category: %1</source>
        <translation>Category: %1</translation>
    </message>
    <message>
        <source>Priority: %1</source>
        <translation>Priority: %1</translation>
    </message>
    <message>
        <source>Kelurahan picked: %1</source>
        <translation>Kelurahan picked: %1</translation>
    </message>
    <message>
        <source>Position set: %1</source>
        <translation>Position set: %1</translation>
    </message>
    <message>
        <source>Asked: %1</source>
        <translation>Asked: %1</translation>
    </message>
    <message>
        <source>Narrative note written</source>
        <translation>Narrative note written</translation>
    </message>
    <message>
        <source>Dispatched %1</source>
        <translation>Dispatched %1</translation>
    </message>
    <message>
        <source>Called back: %1</source>
        <translation>Called back: %1</translation>
    </message>
    <message>
        <source>Hung up</source>
        <translation>Hung up</translation>
    </message>
    <message>
        <source>The caller hung up</source>
        <translation>The caller hung up</translation>
    </message>
    <message>
        <source>Incident closed</source>
        <translation>Incident closed</translation>
    </message>
    <message>
        <source>Answer within %1</source>
        <translation>Answer within %1</translation>
    </message>
    <message>
        <source>Class: %1</source>
        <translation>Class: %1</translation>
    </message>
    <message>
        <source>Call back: the caller is an emergency</source>
        <translation>Call back: the caller is an emergency</translation>
    </message>
    <message>
        <source>Kelurahan: %1</source>
        <translation>Kelurahan: %1</translation>
    </message>
    <message>
        <source>Position: %1</source>
        <translation>Position: %1</translation>
    </message>
    <message>
        <source>Ask: %1</source>
        <translation>Ask: %1</translation>
    </message>
    <message>
        <source>Send %1: at least %2</source>
        <translation>Send %1: at least %2</translation>
    </message>
    <message>
        <source>First unit dispatched by now</source>
        <translation>First unit dispatched by now</translation>
    </message>
    <message>
        <source>Fill in: %1</source>
        <translation>Fill in: %1</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Calls</translation>
    </message>
    <message>
        <source>No calls.</source>
        <translation>No calls.</translation>
    </message>
    <message>
        <source>All trainees</source>
        <translation>All trainees</translation>
    </message>
    <message>
        <source>The session</source>
        <translation>The session</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>Scenario</translation>
    </message>
    <message>
        <source>Trainee</source>
        <translation>Trainee</translation>
    </message>
    <message>
        <source>Calls scored</source>
        <translation>Calls scored</translation>
    </message>
    <message>
        <source>%1 of %2, %3 passed</source>
        <translation>%1 of %2, %3 passed</translation>
    </message>
    <message>
        <source>Mean score</source>
        <translation>Mean score</translation>
    </message>
    <message>
        <source>Pass mark</source>
        <translation>Pass mark</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Call %1 (%2): %3</source>
        <translation>Call %1 (%2): %3</translation>
    </message>
    <message>
        <source>Not scored yet.</source>
        <translation>Not scored yet.</translation>
    </message>
    <message>
        <source>Rang at %1 · score %2 · %3</source>
        <translation>Rang at %1 · score %2 · %3</translation>
    </message>
    <message>
        <source>Score per dimension</source>
        <translation>Score per dimension</translation>
    </message>
    <message>
        <source>Dimension</source>
        <translation>Dimension</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Weight</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Points</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Why</translation>
    </message>
    <message>
        <source>Timeline (seconds from the ring)</source>
        <translation>Timeline (seconds from the ring)</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>What the trainee did</source>
        <translation>What the trainee did</translation>
    </message>
    <message>
        <source>Expected by then</source>
        <translation>Expected by then</translation>
    </message>
    <message>
        <source>Nothing recorded.</source>
        <translation>Nothing recorded.</translation>
    </message>
    <message>
        <source>What the truth asked for</source>
        <translation>What the truth asked for</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Expected</translation>
    </message>
    <message>
        <source>%1 against %2</source>
        <translation>%1 against %2</translation>
    </message>
    <message>
        <source>no position recorded</source>
        <translation>no position recorded</translation>
    </message>
    <message>
        <source>%1 m from the place</source>
        <translation>%1 m from the place</translation>
    </message>
    <message>
        <source>wrong kelurahan</source>
        <translation>wrong kelurahan</translation>
    </message>
    <message>
        <source>no kelurahan recorded</source>
        <translation>no kelurahan recorded</translation>
    </message>
    <message>
        <source>missing: %1</source>
        <translation>missing: %1</translation>
    </message>
    <message>
        <source>sent %1</source>
        <translation>sent %1</translation>
    </message>
    <message>
        <source>Sessions so far</source>
        <translation>Sessions so far</translation>
    </message>
    <message>
        <source>No scored session yet.</source>
        <translation>No scored session yet.</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Started</translation>
    </message>
    <message>
        <source>Calls passed</source>
        <translation>Calls passed</translation>
    </message>
</context>
<context>
    <name>DebriefView</name>
    <message>
        <source>Session (Ctrl+0)</source>
        <translation>Session (Ctrl+0)</translation>
    </message>
    <message>
        <source>Trainee</source>
        <translation>Trainee</translation>
    </message>
    <message>
        <source>Save as PDF (Ctrl+Shift+D)</source>
        <translation>Save as PDF (Ctrl+Shift+D)</translation>
    </message>
</context>
<context>
    <name>DirectoryDialog</name>
    <message>
        <source>Required.</source>
        <translation>Required.</translation>
    </message>
    <message>
        <source>Too long.</source>
        <translation>Too long.</translation>
    </message>
    <message>
        <source>Contains control characters.</source>
        <translation>Contains control characters.</translation>
    </message>
    <message>
        <source>Letters, digits, '.', '_' and '-' only (e.g. DAMKAR-SMG).</source>
        <translation>Letters, digits, '.', '_' and '-' only (e.g. DAMKAR-SMG).</translation>
    </message>
    <message>
        <source>Unknown agency type.</source>
        <translation>Unknown agency type.</translation>
    </message>
    <message>
        <source>Write forward or room.</source>
        <translation>Write forward or room.</translation>
    </message>
    <message>
        <source>Not an area code (e.g. 33.74 for a kota, 33.74.10 for a kecamatan).</source>
        <translation>Not an area code (e.g. 33.74 for a kota, 33.74.10 for a kecamatan).</translation>
    </message>
    <message>
        <source>No such area.</source>
        <translation>No such area.</translation>
    </message>
    <message>
        <source>No such incident category.</source>
        <translation>No such incident category.</translation>
    </message>
    <message>
        <source>Listed twice.</source>
        <translation>Listed twice.</translation>
    </message>
    <message>
        <source>Not a phone number.</source>
        <translation>Not a phone number.</translation>
    </message>
    <message>
        <source>Not a number an SMS can be sent to (e.g. 0812-3456-7890).</source>
        <translation>Not a number an SMS can be sent to (e.g. 0812-3456-7890).</translation>
    </message>
    <message>
        <source>Not a duration (e.g. 5 min, 90 s, 1 h).</source>
        <translation>Not a duration (e.g. 5 min, 90 s, 1 h).</translation>
    </message>
    <message>
        <source>Between 30 seconds and 24 hours.</source>
        <translation>Between 30 seconds and 24 hours.</translation>
    </message>
    <message>
        <source>Write yes or no.</source>
        <translation>Write yes or no.</translation>
    </message>
    <message>
        <source>Code used by an earlier row.</source>
        <translation>Code used by an earlier row.</translation>
    </message>
    <message>
        <source>No spaces in a camera id.</source>
        <translation>No spaces in a camera id.</translation>
    </message>
    <message>
        <source>Not a decimal number (e.g. -6.9893).</source>
        <translation>Not a decimal number (e.g. -6.9893).</translation>
    </message>
    <message>
        <source>Out of range (latitude -90..90, longitude -180..180).</source>
        <translation>Out of range (latitude -90..90, longitude -180..180).</translation>
    </message>
    <message>
        <source>Not a stream address (rtsp://, rtsps://, http:// or https://).</source>
        <translation>Not a stream address (rtsp://, rtsps://, http:// or https://).</translation>
    </message>
    <message>
        <source>The stream address names no host.</source>
        <translation>The stream address names no host.</translation>
    </message>
    <message>
        <source>Camera id used by an earlier row.</source>
        <translation>Camera id used by an earlier row.</translation>
    </message>
    <message>
        <source>Line %1</source>
        <translation>Line %1</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>&amp;Filter</source>
        <extracomment>Object-name prefix of the tab's widgets ("agency", "camera"). The form's field names, the CSV columns.</extracomment>
        <translation>&amp;Filter</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>&amp;Deactivate</source>
        <translation>&amp;Deactivate</translation>
    </message>
    <message>
        <source>&amp;Import CSV…</source>
        <translation>&amp;Import CSV…</translation>
    </message>
    <message>
        <source>Appl&amp;y import</source>
        <translation>Appl&amp;y import</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>&amp;Export CSV…</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 of %2</translation>
    </message>
    <message>
        <source>no (deactivated)</source>
        <translation>no (deactivated)</translation>
    </message>
    <message>
        <source>Reacti&amp;vate</source>
        <translation>Reacti&amp;vate</translation>
    </message>
    <message>
        <source>Not saved: correct the fields marked.</source>
        <translation>Not saved: correct the fields marked.</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV files (*.csv);;All files (*)</translation>
    </message>
    <message>
        <source>Cannot read the file: %1</source>
        <translation>Cannot read the file: %1</translation>
    </message>
    <message>
        <source>Alt+Y applies the import; rejected rows are left out.</source>
        <translation>Alt+Y applies the import; rejected rows are left out.</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>Not exported: %1</source>
        <translation>Not exported: %1</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Reach</source>
        <translation>Reach</translation>
    </message>
    <message>
        <source>Areas</source>
        <translation>Areas</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>Categories</translation>
    </message>
    <message>
        <source>by type</source>
        <translation>by type</translation>
    </message>
    <message>
        <source>Phones</source>
        <translation>Phones</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>Acknowledge</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>None ticked: the categories whose agencies include its type.</source>
        <translation>None ticked: the categories whose agencies include its type.</translation>
    </message>
    <message>
        <source>&amp;Code</source>
        <translation>&amp;Code</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>Agency &amp;type</source>
        <translation>Agency &amp;type</translation>
    </message>
    <message>
        <source>&amp;Reach</source>
        <translation>&amp;Reach</translation>
    </message>
    <message>
        <source>33.74.10; 33.74.11 (kecamatan), 33.74 (kota)</source>
        <translation>33.74.10; 33.74.11 (kecamatan), 33.74 (kota)</translation>
    </message>
    <message>
        <source>Area c&amp;odes</source>
        <translation>Area c&amp;odes</translation>
    </message>
    <message>
        <source>in the order to try, ; between</source>
        <translation>in the order to try, ; between</translation>
    </message>
    <message>
        <source>&amp;Phones</source>
        <translation>&amp;Phones</translation>
    </message>
    <message>
        <source>SMS n&amp;umber</source>
        <translation>SMS n&amp;umber</translation>
    </message>
    <message>
        <source>Radio c&amp;hannel</source>
        <translation>Radio c&amp;hannel</translation>
    </message>
    <message>
        <source>24 jam, or 07.00-16.00</source>
        <translation>24 jam, or 07.00-16.00</translation>
    </message>
    <message>
        <source>&amp;Business hours</source>
        <translation>&amp;Business hours</translation>
    </message>
    <message>
        <source>5 min (30 s to 24 h)</source>
        <translation>5 min (30 s to 24 h)</translation>
    </message>
    <message>
        <source>Ac&amp;knowledge within</source>
        <translation>Ac&amp;knowledge within</translation>
    </message>
    <message>
        <source>Note for the ca&amp;ll-taker</source>
        <translation>Note for the ca&amp;ll-taker</translation>
    </message>
    <message>
        <source>Cate&amp;gories (Space ticks)</source>
        <translation>Cate&amp;gories (Space ticks)</translation>
    </message>
    <message>
        <source>Ne&amp;w agency</source>
        <translation>Ne&amp;w agency</translation>
    </message>
    <message>
        <source>Agency %1 added.</source>
        <translation>Agency %1 added.</translation>
    </message>
    <message>
        <source>Agency %1 saved.</source>
        <translation>Agency %1 saved.</translation>
    </message>
    <message>
        <source>%1 is deactivated (kept on record, no longer offered).</source>
        <translation>%1 is deactivated (kept on record, no longer offered).</translation>
    </message>
    <message>
        <source>%1 is offered again.</source>
        <translation>%1 is offered again.</translation>
    </message>
    <message>
        <source>Import agencies from CSV</source>
        <translation>Import agencies from CSV</translation>
    </message>
    <message>
        <source>Export agencies to CSV</source>
        <translation>Export agencies to CSV</translation>
    </message>
    <message>
        <source>Nothing imported: the file is not an agency directory.</source>
        <translation>Nothing imported: the file is not an agency directory.</translation>
    </message>
    <message>
        <source>%0: agencies to add %1, to update %2, unchanged %3; rows rejected %4.</source>
        <translation>%0: agencies to add %1, to update %2, unchanged %3; rows rejected %4.</translation>
    </message>
    <message>
        <source>Imported: agencies added %1, updated %2, unchanged %3; rows rejected %4.</source>
        <translation>Imported: agencies added %1, updated %2, unchanged %3; rows rejected %4.</translation>
    </message>
    <message>
        <source>Agencies exported to %2: %1.</source>
        <translation>Agencies exported to %2: %1.</translation>
    </message>
    <message>
        <source>Camera id</source>
        <translation>Camera id</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Owner</translation>
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
        <source>Stream</source>
        <translation>Stream</translation>
    </message>
    <message>
        <source>&amp;Camera id</source>
        <translation>&amp;Camera id</translation>
    </message>
    <message>
        <source>&amp;Owner</source>
        <translation>&amp;Owner</translation>
    </message>
    <message>
        <source>&amp;Latitude</source>
        <translation>&amp;Latitude</translation>
    </message>
    <message>
        <source>Lon&amp;gitude</source>
        <translation>Lon&amp;gitude</translation>
    </message>
    <message>
        <source>Stream &amp;URL</source>
        <translation>Stream &amp;URL</translation>
    </message>
    <message>
        <source>Ne&amp;w camera</source>
        <translation>Ne&amp;w camera</translation>
    </message>
    <message>
        <source>Camera %1 added.</source>
        <translation>Camera %1 added.</translation>
    </message>
    <message>
        <source>Camera %1 saved.</source>
        <translation>Camera %1 saved.</translation>
    </message>
    <message>
        <source>Import cameras from CSV</source>
        <translation>Import cameras from CSV</translation>
    </message>
    <message>
        <source>Export cameras to CSV</source>
        <translation>Export cameras to CSV</translation>
    </message>
    <message>
        <source>Nothing imported: the file is not a camera list.</source>
        <translation>Nothing imported: the file is not a camera list.</translation>
    </message>
    <message>
        <source>%0: cameras to add %1, to update %2, unchanged %3; rows rejected %4.</source>
        <translation>%0: cameras to add %1, to update %2, unchanged %3; rows rejected %4.</translation>
    </message>
    <message>
        <source>Imported: cameras added %1, updated %2, unchanged %3; rows rejected %4.</source>
        <translation>Imported: cameras added %1, updated %2, unchanged %3; rows rejected %4.</translation>
    </message>
    <message>
        <source>Cameras exported to %2: %1.</source>
        <translation>Cameras exported to %2: %1.</translation>
    </message>
    <message>
        <source>Agency directory and cameras</source>
        <translation>Agency directory and cameras</translation>
    </message>
    <message>
        <source>&amp;Agencies</source>
        <translation>&amp;Agencies</translation>
    </message>
    <message>
        <source>Ca&amp;meras</source>
        <translation>Ca&amp;meras</translation>
    </message>
    <message>
        <source>Read only: only a supervisor edits the directory.</source>
        <translation>Read only: only a supervisor edits the directory.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>DispatchPanel</name>
    <message>
        <source>~%1 min</source>
        <translation>~%1 min</translation>
    </message>
    <message>
        <source>Distances from the centre of the kelurahan %1</source>
        <translation>Distances from the centre of the kelurahan %1</translation>
    </message>
    <message>
        <source>Distances from the centre of the kecamatan %1</source>
        <translation>Distances from the centre of the kecamatan %1</translation>
    </message>
    <message>
        <source>Distances from the handset position</source>
        <translation>Distances from the handset position</translation>
    </message>
    <message>
        <source>Distances from the typed position</source>
        <translation>Distances from the typed position</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Recommended (Ctrl+R dispatches them)</source>
        <translation>Recommended (Ctrl+R dispatches them)</translation>
    </message>
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
    <message>
        <source>No incident open.</source>
        <translation>No incident open.</translation>
    </message>
    <message>
        <source>✔ %1 · %2 (already sent)</source>
        <translation>✔ %1 · %2 (already sent)</translation>
    </message>
    <message>
        <source>⚠ no available unit: %1</source>
        <translation>⚠ no available unit: %1</translation>
    </message>
    <message>
        <source>Choose the category to get a recommendation.</source>
        <translation>Choose the category to get a recommendation.</translation>
    </message>
    <message>
        <source>No position: units by agency, without distances.</source>
        <translation>No position: units by agency, without distances.</translation>
    </message>
</context>
<context>
    <name>Distances</name>
    <message>
        <source>%1 m</source>
        <translation>%1 m</translation>
    </message>
    <message>
        <source>%1 km</source>
        <translation>%1 km</translation>
    </message>
</context>
<context>
    <name>DuplicateOffer</name>
    <message>
        <source>same number</source>
        <translation>same number</translation>
    </message>
    <message>
        <source>same category %1 m away</source>
        <translation>same category %1 m away</translation>
    </message>
    <message>
        <source>same kelurahan</source>
        <translation>same kelurahan</translation>
    </message>
    <message>
        <source>no category</source>
        <translation>no category</translation>
    </message>
    <message>
        <source>%1 min ago</source>
        <translation>%1 min ago</translation>
    </message>
    <message>
        <source>⚠ Possible duplicate of %1 (%2) — Ctrl+D attaches this call to it</source>
        <translation>⚠ Possible duplicate of %1 (%2) — Ctrl+D attaches this call to it</translation>
    </message>
</context>
<context>
    <name>FaultBar</name>
    <message>
        <source>another console or program holds it</source>
        <translation>another console or program holds it</translation>
    </message>
    <message>
        <source>the connection to it is lost</source>
        <translation>the connection to it is lost</translation>
    </message>
    <message>
        <source>it refused the write</source>
        <translation>it refused the write</translation>
    </message>
    <message>
        <source>⚠ DATABASE NOT ANSWERING (%1): what you just did was NOT saved. Try again; calls from the feeds are kept and stored when it answers.</source>
        <translation>⚠ DATABASE NOT ANSWERING (%1): what you just did was NOT saved. Try again; calls from the feeds are kept and stored when it answers.</translation>
    </message>
    <message>
        <source>⚠ UNEXPECTED ERROR: %1. It is in the console's log; tell the supervisor. Ctrl+Shift+A acknowledges.</source>
        <translation>⚠ UNEXPECTED ERROR: %1. It is in the console's log; tell the supervisor. Ctrl+Shift+A acknowledges.</translation>
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
    <name>FieldConflict</name>
    <message>
        <source>(empty)</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>Keep the other console's value (F11)</source>
        <translation>Keep the other console's value (F11)</translation>
    </message>
    <message>
        <source>Use my value (F12)</source>
        <translation>Use my value (F12)</translation>
    </message>
    <message>
        <source>⚠ Changed at another console to: %1 — yours: %2. Not saved yet.</source>
        <translation>⚠ Changed at another console to: %1 — yours: %2. Not saved yet.</translation>
    </message>
</context>
<context>
    <name>Figures</name>
    <message>
        <source>%1 s</source>
        <extracomment>Call processing in bins of 15 s (NFPA 1225's 60 s on an edge). A histogram has at least this many bins before its last, open one ("more than ..."). Up to this long a period's calls are counted per hour of the period; longer, per hour of the day. Classes in the order the class mix lists them; None (not yet classified: still ringing or live) last. (local hour start, calls that started ringing in it); every hour of the period, empty ones too. When ``hour_of_day`` is set, the hours are 0..23 summed over the period's days. (call class code, or None while unclassified; calls), in CLASS_ORDER, zeros included. (local day, prank calls, all calls that started ringing that day), every day of the period.</extracomment>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>– no samples</source>
        <translation>– no samples</translation>
    </message>
    <message>
        <source>✔ yes</source>
        <translation>✔ yes</translation>
    </message>
    <message>
        <source>✘ no</source>
        <translation>✘ no</translation>
    </message>
    <message>
        <source>✔ met</source>
        <translation>✔ met</translation>
    </message>
    <message>
        <source>✘ not met</source>
        <translation>✘ not met</translation>
    </message>
    <message>
        <source>%1 ≤ %2</source>
        <translation>%1 ≤ %2</translation>
    </message>
    <message>
        <source>Target: %1</source>
        <translation>Target: %1</translation>
    </message>
    <message>
        <source>%1 calls answered</source>
        <translation>%1 calls answered</translation>
    </message>
    <message>
        <source>%1 incidents</source>
        <translation>%1 incidents</translation>
    </message>
    <message>
        <source>%1 units sent</source>
        <translation>%1 units sent</translation>
    </message>
    <message>
        <source>Answer time (ring to answer)</source>
        <translation>Answer time (ring to answer)</translation>
    </message>
    <message>
        <source>Call processing (answer to first unit dispatched)</source>
        <translation>Call processing (answer to first unit dispatched)</translation>
    </message>
    <message>
        <source>Turnout, %1</source>
        <translation>Turnout, %1</translation>
    </message>
    <message>
        <source>dispatched to en route</source>
        <translation>dispatched to en route</translation>
    </message>
    <message>
        <source>Travel, %1</source>
        <translation>Travel, %1</translation>
    </message>
    <message>
        <source>en route to on scene</source>
        <translation>en route to on scene</translation>
    </message>
    <message>
        <source>Time on scene, %1</source>
        <translation>Time on scene, %1</translation>
    </message>
    <message>
        <source>All agencies</source>
        <translation>All agencies</translation>
    </message>
    <message>
        <source>forwardings: %1, cancelled: %2</source>
        <translation>forwardings: %1, cancelled: %2</translation>
    </message>
    <message>
        <source>Answer to forwarding</source>
        <translation>Answer to forwarding</translation>
    </message>
    <message>
        <source>from the incident's creation to the agency's first forwarding of it</source>
        <translation>from the incident's creation to the agency's first forwarding of it</translation>
    </message>
    <message>
        <source>To acknowledgement</source>
        <translation>To acknowledgement</translation>
    </message>
    <message>
        <source>from the forwarding to the agency's acknowledgement</source>
        <translation>from the forwarding to the agency's acknowledgement</translation>
    </message>
    <message>
        <source>To arrival reported</source>
        <translation>To arrival reported</translation>
    </message>
    <message>
        <source>from the forwarding to the arrival the agency reported</source>
        <translation>from the forwarding to the arrival the agency reported</translation>
    </message>
    <message>
        <source>No incident opened in the period was forwarded to an agency.</source>
        <translation>No incident opened in the period was forwarded to an agency.</translation>
    </message>
    <message>
        <source>Forwardings of the incidents opened in the period. Never: no acknowledgement or arrival recorded by the time the figures were read (cancelled forwardings are not counted).</source>
        <translation>Forwardings of the incidents opened in the period. Never: no acknowledgement or arrival recorded by the time the figures were read (cancelled forwardings are not counted).</translation>
    </message>
    <message>
        <source>Calls offered: %1</source>
        <translation>Calls offered: %1</translation>
    </message>
    <message>
        <source>answered: %1</source>
        <translation>answered: %1</translation>
    </message>
    <message>
        <source>abandoned: %1 (%2)</source>
        <translation>abandoned: %1 (%2)</translation>
    </message>
    <message>
        <source>still ringing: %1</source>
        <translation>still ringing: %1</translation>
    </message>
    <message>
        <source>longest ring: %1 (%2, %3)</source>
        <translation>longest ring: %1 (%2, %3)</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>answered</translation>
    </message>
    <message>
        <source>abandoned</source>
        <translation>abandoned</translation>
    </message>
    <message>
        <source>Type the times as 2026-11-27 07:00 (local time).</source>
        <extracomment>The duty shift whose period it is (None: a period typed). The targets (None: the standards' defaults, dispatch/domain/figures.py). The shifts offered (the shift presenter's list), and the one shown (None: a typed period).</extracomment>
        <translation>Type the times as 2026-11-27 07:00 (local time).</translation>
    </message>
    <message>
        <source>Type both ends of the period, from and to.</source>
        <translation>Type both ends of the period, from and to.</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 to %2</translation>
    </message>
    <message>
        <source>The period ends before it begins.</source>
        <translation>The period ends before it begins.</translation>
    </message>
    <message>
        <source>Reading the figures…</source>
        <translation>Reading the figures…</translation>
    </message>
    <message>
        <source>Figures not read: the database is busy.</source>
        <translation>Figures not read: the database is busy.</translation>
    </message>
    <message>
        <source>Figures could not be read: %1</source>
        <translation>Figures could not be read: %1</translation>
    </message>
    <message>
        <source>the figures of %1</source>
        <translation>the figures of %1</translation>
    </message>
    <message>
        <source>Not classified yet</source>
        <extracomment>Pen styles for the targets of one chart, in turn (told apart without colour). Light enough for the bars' black value labels (and for a grey printout). Tall enough for an axis, its labels and a two-line legend at 1366x768.</extracomment>
        <translation>Not classified yet</translation>
    </message>
    <message>
        <source>Answer time: calls answered within each band</source>
        <translation>Answer time: calls answered within each band</translation>
    </message>
    <message>
        <source>Call processing: answer to first unit dispatched</source>
        <translation>Call processing: answer to first unit dispatched</translation>
    </message>
    <message>
        <source>Answer time, s (each band up to its value)</source>
        <translation>Answer time, s (each band up to its value)</translation>
    </message>
    <message>
        <source>Call processing, s (each band up to its value)</source>
        <translation>Call processing, s (each band up to its value)</translation>
    </message>
    <message>
        <source>Calls per hour of the day (all days of the period)</source>
        <translation>Calls per hour of the day (all days of the period)</translation>
    </message>
    <message>
        <source>Calls per hour</source>
        <translation>Calls per hour</translation>
    </message>
    <message>
        <source>Calls that started ringing</source>
        <translation>Calls that started ringing</translation>
    </message>
    <message>
        <source>Hour (local time)</source>
        <translation>Hour (local time)</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Calls</translation>
    </message>
    <message>
        <source>Calls by class (%1 in all)</source>
        <translation>Calls by class (%1 in all)</translation>
    </message>
    <message>
        <source>Calls or incidents in the band</source>
        <translation>Calls or incidents in the band</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Count</translation>
    </message>
    <message>
        <source>%1: %2, %3</source>
        <translation>%1: %2, %3</translation>
    </message>
    <message>
        <source>%1 (%2 of %3)</source>
        <translation>%1 (%2 of %3)</translation>
    </message>
    <message>
        <source>Prank calls per day, as a share of all calls</source>
        <translation>Prank calls per day, as a share of all calls</translation>
    </message>
    <message>
        <source>Prank calls (%)</source>
        <translation>Prank calls (%)</translation>
    </message>
    <message>
        <source>Day (prank calls of all calls)</source>
        <translation>Day (prank calls of all calls)</translation>
    </message>
</context>
<context>
    <name>FiguresReport</name>
    <message>
        <source>Call centre figures</source>
        <translation>Call centre figures</translation>
    </message>
    <message>
        <source>%1 shift of %2</source>
        <translation>%1 shift of %2</translation>
    </message>
    <message>
        <source>Percentiles are nearest-rank: p90 is the time within which 90 % of the calls were handled, always the time of a real call. A call belongs to the period in which it started ringing. Definitions and exclusions: docs/figures.md.</source>
        <translation>Percentiles are nearest-rank: p90 is the time within which 90 % of the calls were handled, always the time of a real call. A call belongs to the period in which it started ringing. Definitions and exclusions: docs/figures.md.</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>answered</translation>
    </message>
    <message>
        <source>abandoned</source>
        <translation>abandoned</translation>
    </message>
    <message>
        <source>%1, ringing from %2 (%3)</source>
        <translation>%1, ringing from %2 (%3)</translation>
    </message>
    <message>
        <source>no calls</source>
        <translation>no calls</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Calls</translation>
    </message>
    <message>
        <source>Calls offered (answered + abandoned)</source>
        <translation>Calls offered (answered + abandoned)</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Answered</translation>
    </message>
    <message>
        <source>Abandoned (caller hung up before an answer)</source>
        <translation>Abandoned (caller hung up before an answer)</translation>
    </message>
    <message>
        <source>%1 (abandonment rate %2)</source>
        <translation>%1 (abandonment rate %2)</translation>
    </message>
    <message>
        <source>Still ringing when the data was read (in no figure)</source>
        <translation>Still ringing when the data was read (in no figure)</translation>
    </message>
    <message>
        <source>Longest ring</source>
        <translation>Longest ring</translation>
    </message>
    <message>
        <source>Answer time</source>
        <translation>Answer time</translation>
    </message>
    <message>
        <source>Call processing (answer to first unit dispatched)</source>
        <translation>Call processing (answer to first unit dispatched)</translation>
    </message>
    <message>
        <source>%1: turnout</source>
        <translation>%1: turnout</translation>
    </message>
    <message>
        <source>%1: travel</source>
        <translation>%1: travel</translation>
    </message>
    <message>
        <source>%1: time on scene</source>
        <translation>%1: time on scene</translation>
    </message>
    <message>
        <source>Times</source>
        <translation>Times</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>Measure</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>Samples</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>Mean</translation>
    </message>
    <message>
        <source>Longest</source>
        <translation>Longest</translation>
    </message>
    <message>
        <source>– no samples</source>
        <translation>– no samples</translation>
    </message>
    <message>
        <source>✓ met</source>
        <translation>✓ met</translation>
    </message>
    <message>
        <source>✗ NOT MET</source>
        <translation>✗ NOT MET</translation>
    </message>
    <message>
        <source>%1 within %2</source>
        <translation>%1 within %2</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 of %2</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>Targets</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>Within</source>
        <translation>Within</translation>
    </message>
    <message>
        <source>Share within</source>
        <translation>Share within</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Calls by class</source>
        <translation>Calls by class</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Class</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Share</translation>
    </message>
    <message>
        <source>Service level per %1 minutes (answered within %2)</source>
        <translation>Service level per %1 minutes (answered within %2)</translation>
    </message>
    <message>
        <source>Interval</source>
        <translation>Interval</translation>
    </message>
    <message>
        <source>Offered</source>
        <translation>Offered</translation>
    </message>
    <message>
        <source>Abandoned</source>
        <translation>Abandoned</translation>
    </message>
    <message>
        <source>Within %1</source>
        <translation>Within %1</translation>
    </message>
    <message>
        <source>Service level</source>
        <translation>Service level</translation>
    </message>
    <message>
        <source>Per call-taker</source>
        <translation>Per call-taker</translation>
    </message>
    <message>
        <source>Call-taker</source>
        <translation>Call-taker</translation>
    </message>
    <message>
        <source>Answer p50</source>
        <translation>Answer p50</translation>
    </message>
    <message>
        <source>Answer p90</source>
        <translation>Answer p90</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>Incidents</translation>
    </message>
    <message>
        <source>Processing p90</source>
        <translation>Processing p90</translation>
    </message>
    <message>
        <source>All agencies</source>
        <translation>All agencies</translation>
    </message>
    <message>
        <source>forwardings: %1, cancelled: %2</source>
        <translation>forwardings: %1, cancelled: %2</translation>
    </message>
    <message>
        <source>Answer to forwarding</source>
        <translation>Answer to forwarding</translation>
    </message>
    <message>
        <source>To acknowledgement</source>
        <translation>To acknowledgement</translation>
    </message>
    <message>
        <source>To arrival reported</source>
        <translation>To arrival reported</translation>
    </message>
    <message>
        <source>Forwarding to agencies</source>
        <translation>Forwarding to agencies</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>Agency</translation>
    </message>
    <message>
        <source>Median</source>
        <translation>Median</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Never</translation>
    </message>
    <message>
        <source>Forwardings of the incidents opened in the period. Answer to forwarding: from the incident's creation to the agency's first forwarding of it (one sample per incident and agency). To acknowledgement and to arrival reported: from the forwarding. Never: no acknowledgement or arrival recorded by the time the figures were read; cancelled forwardings are not counted there.</source>
        <translation>Forwardings of the incidents opened in the period. Answer to forwarding: from the incident's creation to the agency's first forwarding of it (one sample per incident and agency). To acknowledgement and to arrival reported: from the forwarding. Never: no acknowledgement or arrival recorded by the time the figures were read; cancelled forwardings are not counted there.</translation>
    </message>
</context>
<context>
    <name>FiguresView</name>
    <message>
        <source>YYYY-MM-DD HH:MM</source>
        <extracomment>A target's: met, not met, or None without samples (a missed target is also in bold). The heading's tooltip: what the measure is, from when to when ("" for other rows). The tooltip: what the measure is, from when to when.</extracomment>
        <translation>YYYY-MM-DD HH:MM</translation>
    </message>
    <message>
        <source>Shift:</source>
        <translation>Shift:</translation>
    </message>
    <message>
        <source>or from:</source>
        <translation>or from:</translation>
    </message>
    <message>
        <source>to:</source>
        <translation>to:</translation>
    </message>
    <message>
        <source>Enter in from or to shows the period (local time).</source>
        <translation>Enter in from or to shows the period (local time).</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>Measure</translation>
    </message>
    <message>
        <source>Target met</source>
        <translation>Target met</translation>
    </message>
    <message>
        <source>Within</source>
        <translation>Within</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>Figures</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Count</translation>
    </message>
    <message>
        <source>Median</source>
        <translation>Median</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Never</translation>
    </message>
    <message>
        <source>Forwarding</source>
        <translation>Forwarding</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Charts</translation>
    </message>
    <message>
        <source>No shift opened yet</source>
        <extracomment>Made the first time the charts' tab is shown (None until then).</extracomment>
        <translation>No shift opened yet</translation>
    </message>
</context>
<context>
    <name>ForwardingPanel</name>
    <message>
        <source>No incident open.</source>
        <extracomment>Where a refusal of ``forwarding.report`` is said. The PBX's dial context ("" the feed's default). What this console sends through (a test gives its own).</extracomment>
        <translation>No incident open.</translation>
    </message>
    <message>
        <source>no category yet</source>
        <translation>no category yet</translation>
    </message>
    <message>
        <source>Incident %1 · %2</source>
        <translation>Incident %1 · %2</translation>
    </message>
    <message>
        <source>Choose the category: the agencies it calls for are listed here.</source>
        <translation>Choose the category: the agencies it calls for are listed here.</translation>
    </message>
    <message>
        <source>No agency in the directory takes this category here (the supervisor keeps the directory).</source>
        <translation>No agency in the directory takes this category here (the supervisor keeps the directory).</translation>
    </message>
    <message>
        <source>No kelurahan yet (Ctrl+L): agencies covering the centre's area are listed.</source>
        <translation>No kelurahan yet (Ctrl+L): agencies covering the centre's area are listed.</translation>
    </message>
    <message>
        <source>Already forwarded to %1: report on it with 1-7.</source>
        <translation>Already forwarded to %1: report on it with 1-7.</translation>
    </message>
    <message>
        <source>Forward %1 to %2</source>
        <translation>Forward %1 to %2</translation>
    </message>
    <message>
        <source>The console cannot dial: no AMI feed is set (Console, Settings, Feeds). Call %1 by telephone.</source>
        <translation>The console cannot dial: no AMI feed is set (Console, Settings, Feeds). Call %1 by telephone.</translation>
    </message>
    <message>
        <source>Your extension %1 rings first, then %2 is dialled.</source>
        <translation>Your extension %1 rings first, then %2 is dialled.</translation>
    </message>
    <message>
        <source>Forwarded to %1 at %2: %3.</source>
        <translation>Forwarded to %1 at %2: %3.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 recorded for %2: %3.</source>
        <translation>%1 recorded for %2: %3.</translation>
    </message>
    <message>
        <source>Incident %1 closed: every forwarding is closed.</source>
        <translation>Incident %1 closed: every forwarding is closed.</translation>
    </message>
    <message>
        <source>Type the time as 14:05 or 14:05:30.</source>
        <translation>Type the time as 14:05 or 14:05:30.</translation>
    </message>
    <message>
        <source>in the room: send its units with F6</source>
        <extracomment>The channel keys of the record row, in the order shown. The report keys on a forwarding. Channels where the person named took it on the spot: naming them ticks "acknowledged".</extracomment>
        <translation>in the room: send its units with F6</translation>
    </message>
    <message>
        <source>Tel. %1</source>
        <translation>Tel. %1</translation>
    </message>
    <message>
        <source>radio %1</source>
        <translation>radio %1</translation>
    </message>
    <message>
        <source>SMS %1</source>
        <translation>SMS %1</translation>
    </message>
    <message>
        <source>hours %1</source>
        <translation>hours %1</translation>
    </message>
    <message>
        <source>acknowledge within %1</source>
        <translation>acknowledge within %1</translation>
    </message>
    <message>
        <source>✔ Forwarded at %1: %2</source>
        <translation>✔ Forwarded at %1: %2</translation>
    </message>
    <message>
        <source>%1: %2, forwarded %3 ago (%4)</source>
        <translation>%1: %2, forwarded %3 ago (%4)</translation>
    </message>
    <message>
        <source>%1: %2 at %3</source>
        <translation>%1: %2 at %3</translation>
    </message>
    <message>
        <source>⚠ OVERDUE: not acknowledged within %1 (due at %2)</source>
        <translation>⚠ OVERDUE: not acknowledged within %1 (due at %2)</translation>
    </message>
    <message>
        <source>taken by %1</source>
        <translation>taken by %1</translation>
    </message>
    <message>
        <source>ref. %1</source>
        <translation>ref. %1</translation>
    </message>
    <message>
        <source>SMS: %1</source>
        <translation>SMS: %1</translation>
    </message>
    <message>
        <source>Whom to call (Ctrl+T; Enter records, D dials)</source>
        <translation>Whom to call (Ctrl+T; Enter records, D dials)</translation>
    </message>
    <message>
        <source>A digit changes it: %1</source>
        <translation>A digit changes it: %1</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>who took it (name, rank)</source>
        <translation>who took it (name, rank)</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>the agency's own number, if given</source>
        <translation>the agency's own number, if given</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Reference</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Acknowledged (the person took it)</source>
        <translation>Acknowledged (the person took it)</translation>
    </message>
    <message>
        <source>Send the summary SMS</source>
        <translation>Send the summary SMS</translation>
    </message>
    <message>
        <source>Enter records the forwarding, Esc goes back.</source>
        <translation>Enter records the forwarding, Esc goes back.</translation>
    </message>
    <message>
        <source>Forwardings (Ctrl+T again; 1-7 report)</source>
        <translation>Forwardings (Ctrl+T again; 1-7 report)</translation>
    </message>
    <message>
        <source>what they said (optional)</source>
        <translation>what they said (optional)</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Enter records the report, Esc goes back.</source>
        <translation>Enter records the report, Esc goes back.</translation>
    </message>
    <message>
        <source>Other agencies covering this area:</source>
        <translation>Other agencies covering this area:</translation>
    </message>
</context>
<context>
    <name>HandoverReport</name>
    <message>
        <source>Shift handover report</source>
        <translation>Shift handover report</translation>
    </message>
    <message>
        <source>%1 shift of %2</source>
        <translation>%1 shift of %2</translation>
    </message>
    <message>
        <source>Figures of the shift</source>
        <translation>Figures of the shift</translation>
    </message>
    <message>
        <source>DRAFT: not signed. The state is as at %1; it may still change.</source>
        <translation>DRAFT: not signed. The state is as at %1; it may still change.</translation>
    </message>
    <message>
        <source>Signed by the outgoing lead</source>
        <translation>Signed by the outgoing lead</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 at %2</translation>
    </message>
    <message>
        <source>Acknowledged by the incoming lead</source>
        <translation>Acknowledged by the incoming lead</translation>
    </message>
    <message>
        <source>Not acknowledged yet</source>
        <translation>Not acknowledged yet</translation>
    </message>
    <message>
        <source>Content fingerprint (SHA-256)</source>
        <translation>Content fingerprint (SHA-256)</translation>
    </message>
    <message>
        <source>Signatures</source>
        <translation>Signatures</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Planned</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Opened</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1 by %2</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>Still open</source>
        <translation>Still open</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Length</translation>
    </message>
    <message>
        <source>The shift</source>
        <translation>The shift</translation>
    </message>
    <message>
        <source>Staff on duty</source>
        <translation>Staff on duty</translation>
    </message>
    <message>
        <source>No one logged in during the shift.</source>
        <translation>No one logged in during the shift.</translation>
    </message>
    <message>
        <source>still on</source>
        <translation>still on</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Console</source>
        <translation>Console</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>To</source>
        <translation>To</translation>
    </message>
    <message>
        <source>All calls</source>
        <translation>All calls</translation>
    </message>
    <message>
        <source>Calls by class</source>
        <translation>Calls by class</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Class</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Calls</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Share</translation>
    </message>
    <message>
        <source>Emergency calls by incident category</source>
        <translation>Emergency calls by incident category</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>Incidents</translation>
    </message>
    <message>
        <source>console</source>
        <translation>console</translation>
    </message>
    <message>
        <source>%1 %2: %3</source>
        <translation>%1 %2: %3</translation>
    </message>
    <message>
        <source>Incidents still open</source>
        <translation>Incidents still open</translation>
    </message>
    <message>
        <source>No incident is open.</source>
        <translation>No incident is open.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>Incident</source>
        <translation>Incident</translation>
    </message>
    <message>
        <source>Priority, status</source>
        <translation>Priority, status</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Age</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Units</translation>
    </message>
    <message>
        <source>Last note</source>
        <translation>Last note</translation>
    </message>
    <message>
        <source>not acknowledged, %1 over its limit</source>
        <translation>not acknowledged, %1 over its limit</translation>
    </message>
    <message>
        <source>not acknowledged, within its limit (%1)</source>
        <translation>not acknowledged, within its limit (%1)</translation>
    </message>
    <message>
        <source>Forwardings to agencies still open</source>
        <translation>Forwardings to agencies still open</translation>
    </message>
    <message>
        <source>No forwarding to an agency is open.</source>
        <translation>No forwarding to an agency is open.</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Forwarded</source>
        <translation>Forwarded</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Acknowledged</translation>
    </message>
    <message>
        <source>Units out of service</source>
        <translation>Units out of service</translation>
    </message>
    <message>
        <source>Every unit on the roster is in service.</source>
        <translation>Every unit on the roster is in service.</translation>
    </message>
    <message>
        <source>was %1</source>
        <translation>was %1</translation>
    </message>
    <message>
        <source>out of service since it was added</source>
        <translation>out of service since it was added</translation>
    </message>
    <message>
        <source>%1; status overridden: %2</source>
        <translation>%1; status overridden: %2</translation>
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
        <source>Since</source>
        <translation>Since</translation>
    </message>
    <message>
        <source>By</source>
        <translation>By</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Why</translation>
    </message>
    <message>
        <source>Callbacks still open</source>
        <translation>Callbacks still open</translation>
    </message>
    <message>
        <source>No callback is waiting.</source>
        <translation>No callback is waiting.</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Rang</source>
        <translation>Rang</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Attempts</translation>
    </message>
    <message>
        <source>Last attempt</source>
        <translation>Last attempt</translation>
    </message>
    <message>
        <source>Numbers flagged or with a block requested</source>
        <translation>Numbers flagged or with a block requested</translation>
    </message>
    <message>
        <source>No number is flagged.</source>
        <translation>No number is flagged.</translation>
    </message>
    <message>
        <source>Flag</source>
        <translation>Flag</translation>
    </message>
    <message>
        <source>Feed outages</source>
        <translation>Feed outages</translation>
    </message>
    <message>
        <source>Every feed stayed up.</source>
        <translation>Every feed stayed up.</translation>
    </message>
    <message>
        <source>still down</source>
        <translation>still down</translation>
    </message>
    <message>
        <source>Feed</source>
        <translation>Feed</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Down</translation>
    </message>
    <message>
        <source>Up again</source>
        <translation>Up again</translation>
    </message>
    <message>
        <source>In this shift</source>
        <translation>In this shift</translation>
    </message>
    <message>
        <source>Alerts not acknowledged</source>
        <translation>Alerts not acknowledged</translation>
    </message>
    <message>
        <source>Every alert was acknowledged.</source>
        <translation>Every alert was acknowledged.</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>Alert</translation>
    </message>
    <message>
        <source>About</source>
        <translation>About</translation>
    </message>
    <message>
        <source>Raised</source>
        <translation>Raised</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>Limit</translation>
    </message>
    <message>
        <source>Over by then</source>
        <translation>Over by then</translation>
    </message>
    <message>
        <source>Planned events</source>
        <translation>Planned events</translation>
    </message>
    <message>
        <source>No planned events were written.</source>
        <translation>No planned events were written.</translation>
    </message>
    <message>
        <source>Pass-down instructions</source>
        <translation>Pass-down instructions</translation>
    </message>
    <message>
        <source>No pass-down instructions were written.</source>
        <translation>No pass-down instructions were written.</translation>
    </message>
    <message>
        <source>Addenda (written after signing)</source>
        <translation>Addenda (written after signing)</translation>
    </message>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Who</translation>
    </message>
    <message>
        <source>Addendum</source>
        <translation>Addendum</translation>
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
    <message>
        <source>Commands</source>
        <translation>Commands</translation>
    </message>
    <message>
        <source>Command line (Ctrl+K)</source>
        <translation>Command line (Ctrl+K)</translation>
    </message>
    <message>
        <source>The field at the bottom of the window. Enter runs the command; if something is wrong it says what beside the field, marks the word, and keeps what you typed. Up and Down recall earlier commands, Tab completes the word (verbs, call signs, incident numbers, statuses), Esc goes back to where you were. Case does not matter.</source>
        <translation>The field at the bottom of the window. Enter runs the command; if something is wrong it says what beside the field, marks the word, and keeps what you typed. Up and Down recall earlier commands, Tab completes the word (verbs, call signs, incident numbers, statuses), Esc goes back to where you were. Case does not matter.</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Command</translation>
    </message>
    <message>
        <source>Example</source>
        <translation>Example</translation>
    </message>
    <message>
        <source>Incident: the full number 2026-000123, the short 123 (this year's incident 123), or . for the incident open on screen. Several call signs may be separated by spaces or commas.</source>
        <translation>Incident: the full number 2026-000123, the short 123 (this year's incident 123), or . for the incident open on screen. Several call signs may be separated by spaces or commas.</translation>
    </message>
    <message>
        <source>Status words</source>
        <translation>Status words</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Words of several parts may be typed with spaces, hyphens or underscores (en route, on scene, false alarm). A unit is dispatched with the dispatch command, never with status.</source>
        <translation>Words of several parts may be typed with spaces, hyphens or underscores (en route, on scene, false alarm). A unit is dispatched with the dispatch command, never with status.</translation>
    </message>
    <message>
        <source>Dispositions (close)</source>
        <translation>Dispositions (close)</translation>
    </message>
    <message>
        <source>Disposition</source>
        <translation>Disposition</translation>
    </message>
    <message>
        <source>The digits are the same as the keys offered by Close the incident (F9).</source>
        <translation>The digits are the same as the keys offered by Close the incident (F9).</translation>
    </message>
    <message>
        <source>Short</source>
        <translation>Short</translation>
    </message>
    <message>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <source>Indonesian</source>
        <translation>Indonesian</translation>
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
    <message>
        <source>Agencies</source>
        <translation>Agencies</translation>
    </message>
    <message>
        <source>⚠ NOT ACKNOWLEDGED: %1</source>
        <translation>⚠ NOT ACKNOWLEDGED: %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>IncidentPanel</name>
    <message>
        <source>Too long: shorten this text.</source>
        <extracomment>How many earlier calls the one-line history counts (more shows as 20+). While something typed is not saved because the database was away, it is tried again this often (besides at once when the link is back or another write gets through); not while the link is down.</extracomment>
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
        <source>Number unavailable: no call history.</source>
        <translation>Number unavailable: no call history.</translation>
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
        <source>%1  (correction of the %2 note)</source>
        <translation>%1  (correction of the %2 note)</translation>
    </message>
    <message>
        <source>%1  [corrected at %2]</source>
        <translation>%1  [corrected at %2]</translation>
    </message>
    <message>
        <source>✎ NOT SAVED YET (saved when the database is back): %1</source>
        <translation>✎ NOT SAVED YET (saved when the database is back): %1</translation>
    </message>
    <message>
        <source>Choose the note with Up/Down, then press Ctrl+Shift+F8 again.</source>
        <translation>Choose the note with Up/Down, then press Ctrl+Shift+F8 again.</translation>
    </message>
    <message>
        <source>Correction of the %1 note by %2: “%3” (Enter saves, Esc cancels)</source>
        <translation>Correction of the %1 note by %2: “%3” (Enter saves, Esc cancels)</translation>
    </message>
    <message>
        <source>✔ Saved at %1 (typed while the database was away)</source>
        <translation>✔ Saved at %1 (typed while the database was away)</translation>
    </message>
    <message>
        <source>Not saved in incident %1 (%2): %3</source>
        <translation>Not saved in incident %1 (%2): %3</translation>
    </message>
    <message>
        <source>Incident %1 was changed at another console while the database was away: open it to choose between the values.</source>
        <translation>Incident %1 was changed at another console while the database was away: open it to choose between the values.</translation>
    </message>
    <message>
        <source>✎ Not saved yet: the database is away; saved when it is back.</source>
        <translation>✎ Not saved yet: the database is away; saved when it is back.</translation>
    </message>
    <message>
        <source>A note for incident %1 could not be saved: %2 (“%3”)</source>
        <translation>A note for incident %1 could not be saved: %2 (“%3”)</translation>
    </message>
    <message>
        <source>✔ Notes typed while the database was away saved at %1.</source>
        <translation>✔ Notes typed while the database was away saved at %1.</translation>
    </message>
    <message>
        <source>✎ Not saved yet: the database is away. The note is kept in the narrative and saved when it is back.</source>
        <translation>✎ Not saved yet: the database is away. The note is kept in the narrative and saved when it is back.</translation>
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
        <source>⚠ Changed at another console meanwhile: choose beside the field (F11 keeps theirs, F12 uses yours)</source>
        <translation>⚠ Changed at another console meanwhile: choose beside the field (F11 keeps theirs, F12 uses yours)</translation>
    </message>
    <message>
        <source>✎ Not saved yet: the database is away. What you typed is kept and saved when it is back.</source>
        <translation>✎ Not saved yet: the database is away. What you typed is kept and saved when it is back.</translation>
    </message>
    <message>
        <source>✖ Not saved: correct the field marked in red</source>
        <translation>✖ Not saved: correct the field marked in red</translation>
    </message>
    <message>
        <source>Copied from duplicate incident %1: %2</source>
        <translation>Copied from duplicate incident %1: %2</translation>
    </message>
    <message>
        <source>Call from %1 answered; incident opened.</source>
        <translation>Call from %1 answered; incident opened.</translation>
    </message>
    <message>
        <source>Unit %1 dispatched.</source>
        <translation>Unit %1 dispatched.</translation>
    </message>
    <message>
        <source>Further call from %1 attached (its incident %2 cancelled as duplicate).</source>
        <translation>Further call from %1 attached (its incident %2 cancelled as duplicate).</translation>
    </message>
    <message>
        <source>Cancelled: duplicate of incident %1.</source>
        <translation>Cancelled: duplicate of incident %1.</translation>
    </message>
    <message>
        <source>Callback reached the caller of call %1 (rang at %2): emergency, incident opened.</source>
        <translation>Callback reached the caller of call %1 (rang at %2): emergency, incident opened.</translation>
    </message>
    <message>
        <source>Forwarded to %1 (%2).</source>
        <translation>Forwarded to %1 (%2).</translation>
    </message>
    <message>
        <source>%1 reported: %2.</source>
        <translation>%1 reported: %2.</translation>
    </message>
    <message>
        <source>Still from camera %1 attached (SHA-256 %2).</source>
        <translation>Still from camera %1 attached (SHA-256 %2).</translation>
    </message>
    <message>
        <source>File attached (SHA-256 %1).</source>
        <translation>File attached (SHA-256 %1).</translation>
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
        <source>(withheld number)</source>
        <translation>(withheld number)</translation>
    </message>
    <message>
        <source>(number unavailable)</source>
        <translation>(number unavailable)</translation>
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
        <source>Forwarded to agencies</source>
        <extracomment>Statuses in which an incident waits for the centre's first unit.</extracomment>
        <translation>Forwarded to agencies</translation>
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
        <source>Reached, no emergency</source>
        <translation>Reached, no emergency</translation>
    </message>
    <message>
        <source>Reached, emergency</source>
        <translation>Reached, emergency</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>No answer</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>Busy</translation>
    </message>
    <message>
        <source>Unreachable</source>
        <translation>Unreachable</translation>
    </message>
    <message>
        <source>Closed by supervisor</source>
        <translation>Closed by supervisor</translation>
    </message>
    <message>
        <source>Closed: call reclassified</source>
        <translation>Closed: call reclassified</translation>
    </message>
    <message>
        <source>Small hours</source>
        <translation>Small hours</translation>
    </message>
    <message>
        <source>Morning</source>
        <translation>Morning</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Day</translation>
    </message>
    <message>
        <source>Afternoon</source>
        <translation>Afternoon</translation>
    </message>
    <message>
        <source>Evening</source>
        <translation>Evening</translation>
    </message>
    <message>
        <source>Night</source>
        <translation>Night</translation>
    </message>
    <message>
        <source>Greeting given, call-taker identified</source>
        <translation>Greeting given, call-taker identified</translation>
    </message>
    <message>
        <source>Location asked for and verified</source>
        <translation>Location asked for and verified</translation>
    </message>
    <message>
        <source>Callback number confirmed</source>
        <translation>Callback number confirmed</translation>
    </message>
    <message>
        <source>Protocol card's questions asked, in order</source>
        <translation>Protocol card's questions asked, in order</translation>
    </message>
    <message>
        <source>Call classed rightly</source>
        <translation>Call classed rightly</translation>
    </message>
    <message>
        <source>Category and priority fit the call</source>
        <translation>Category and priority fit the call</translation>
    </message>
    <message>
        <source>Units dispatched without delay</source>
        <translation>Units dispatched without delay</translation>
    </message>
    <message>
        <source>Narrative complete: what, who, where, what was done</source>
        <translation>Narrative complete: what, who, where, what was done</translation>
    </message>
    <message>
        <source>Calm, courteous and clear with the caller</source>
        <translation>Calm, courteous and clear with the caller</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Partly</source>
        <translation>Partly</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Not applicable</source>
        <translation>Not applicable</translation>
    </message>
    <message>
        <source>Watch list</source>
        <translation>Watch list</translation>
    </message>
    <message>
        <source>Block requested from telco</source>
        <translation>Block requested from telco</translation>
    </message>
    <message>
        <source>no position</source>
        <translation>no position</translation>
    </message>
    <message>
        <source>typed</source>
        <translation>typed</translation>
    </message>
    <message>
        <source>handset (AML)</source>
        <translation>handset (AML)</translation>
    </message>
    <message>
        <source>centre of the kelurahan</source>
        <translation>centre of the kelurahan</translation>
    </message>
    <message>
        <source>centre of the kecamatan</source>
        <translation>centre of the kecamatan</translation>
    </message>
    <message>
        <source>satellite (GNSS)</source>
        <translation>satellite (GNSS)</translation>
    </message>
    <message>
        <source>Wi-Fi</source>
        <translation>Wi-Fi</translation>
    </message>
    <message>
        <source>mobile cell</source>
        <translation>mobile cell</translation>
    </message>
    <message>
        <source>on the incident</source>
        <translation>on the incident</translation>
    </message>
    <message>
        <source>offered (the incident has a typed position)</source>
        <translation>offered (the incident has a typed position)</translation>
    </message>
    <message>
        <source>waiting for the call's incident</source>
        <translation>waiting for the call's incident</translation>
    </message>
    <message>
        <source>no call from this number</source>
        <translation>no call from this number</translation>
    </message>
    <message>
        <source>no position sent</source>
        <translation>no position sent</translation>
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
        <source>A call is closed as information, prank, silent or wrong number.</source>
        <translation>A call is closed as information, prank, silent or wrong number.</translation>
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
        <source>That area is not in the list of areas.</source>
        <translation>That area is not in the list of areas.</translation>
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
    <message>
        <source>A correction must name a note of the same incident.</source>
        <translation>A correction must name a note of the same incident.</translation>
    </message>
    <message>
        <source>This category has no protocol card.</source>
        <translation>This category has no protocol card.</translation>
    </message>
    <message>
        <source>That is not an answer to this question.</source>
        <translation>That is not an answer to this question.</translation>
    </message>
    <message>
        <source>The call is already attached to that incident.</source>
        <translation>The call is already attached to that incident.</translation>
    </message>
    <message>
        <source>The call was attached to another incident; it cannot be closed as non-emergency.</source>
        <translation>The call was attached to another incident; it cannot be closed as non-emergency.</translation>
    </message>
    <message>
        <source>That protocol card is for another category than the incident's.</source>
        <translation>That protocol card is for another category than the incident's.</translation>
    </message>
    <message>
        <source>The callback was not found.</source>
        <translation>The callback was not found.</translation>
    </message>
    <message>
        <source>The callback is already closed.</source>
        <translation>The callback is already closed.</translation>
    </message>
    <message>
        <source>Write why the callback is closed.</source>
        <translation>Write why the callback is closed.</translation>
    </message>
    <message>
        <source>The note is too long (at most 2000 characters).</source>
        <translation>The note is too long (at most 2000 characters).</translation>
    </message>
    <message>
        <source>The number was withheld: it cannot be called back.</source>
        <translation>The number was withheld: it cannot be called back.</translation>
    </message>
    <message>
        <source>That is not an outcome of a callback attempt.</source>
        <translation>That is not an outcome of a callback attempt.</translation>
    </message>
    <message>
        <source>That is not an outcome for closing a callback.</source>
        <translation>That is not an outcome for closing a callback.</translation>
    </message>
    <message>
        <source>The flag was not found.</source>
        <translation>The flag was not found.</translation>
    </message>
    <message>
        <source>The flag is already lifted.</source>
        <translation>The flag is already lifted.</translation>
    </message>
    <message>
        <source>Check the number and the reason.</source>
        <translation>Check the number and the reason.</translation>
    </message>
    <message>
        <source>Only a supervisor or an administrator can do this.</source>
        <translation>Only a supervisor or an administrator can do this.</translation>
    </message>
    <message>
        <source>Write why the status is overridden.</source>
        <translation>Write why the status is overridden.</translation>
    </message>
    <message>
        <source>The unit already has that status.</source>
        <translation>The unit already has that status.</translation>
    </message>
    <message>
        <source>The unit has no incident to work on: dispatch it to the incident instead.</source>
        <translation>The unit has no incident to work on: dispatch it to the incident instead.</translation>
    </message>
    <message>
        <source>The alert was not found.</source>
        <translation>The alert was not found.</translation>
    </message>
    <message>
        <source>The handset position was not found.</source>
        <translation>The handset position was not found.</translation>
    </message>
    <message>
        <source>The handset sent no position.</source>
        <translation>The handset sent no position.</translation>
    </message>
    <message>
        <source>Another unit already has this call sign.</source>
        <translation>Another unit already has this call sign.</translation>
    </message>
    <message>
        <source>The unit is working an incident; it can be taken off the roster once it is free.</source>
        <translation>The unit is working an incident; it can be taken off the roster once it is free.</translation>
    </message>
    <message>
        <source>Accounts exist already: a supervisor adds new ones.</source>
        <translation>Accounts exist already: a supervisor adds new ones.</translation>
    </message>
    <message>
        <source>Only an administrator can do this.</source>
        <translation>Only an administrator can do this.</translation>
    </message>
    <message>
        <source>Check the fields marked beside them.</source>
        <translation>Check the fields marked beside them.</translation>
    </message>
    <message>
        <source>The user account was not found.</source>
        <translation>The user account was not found.</translation>
    </message>
    <message>
        <source>This is the last active administrator: add another administrator first.</source>
        <translation>This is the last active administrator: add another administrator first.</translation>
    </message>
    <message>
        <source>No one would be left to manage accounts: add another supervisor first.</source>
        <translation>No one would be left to manage accounts: add another supervisor first.</translation>
    </message>
    <message>
        <source>A shift is already open: close it before opening the next one.</source>
        <translation>A shift is already open: close it before opening the next one.</translation>
    </message>
    <message>
        <source>No shift is open: a supervisor opens one first.</source>
        <translation>No shift is open: a supervisor opens one first.</translation>
    </message>
    <message>
        <source>That shift is not in the database.</source>
        <translation>That shift is not in the database.</translation>
    </message>
    <message>
        <source>That shift is closed already.</source>
        <translation>That shift is closed already.</translation>
    </message>
    <message>
        <source>Close the shift first: the handover report covers the whole shift.</source>
        <translation>Close the shift first: the handover report covers the whole shift.</translation>
    </message>
    <message>
        <source>That shift has no signed handover report yet.</source>
        <translation>That shift has no signed handover report yet.</translation>
    </message>
    <message>
        <source>The handover report is signed and cannot change: add an addendum instead.</source>
        <translation>The handover report is signed and cannot change: add an addendum instead.</translation>
    </message>
    <message>
        <source>The outgoing lead has not signed the handover report yet.</source>
        <translation>The outgoing lead has not signed the handover report yet.</translation>
    </message>
    <message>
        <source>The handover report has been acknowledged already.</source>
        <translation>The handover report has been acknowledged already.</translation>
    </message>
    <message>
        <source>The incoming lead acknowledges: not the person who signed the report.</source>
        <translation>The incoming lead acknowledges: not the person who signed the report.</translation>
    </message>
    <message>
        <source>That call was not drawn for review.</source>
        <translation>That call was not drawn for review.</translation>
    </message>
    <message>
        <source>That call has been reviewed already.</source>
        <translation>That call has been reviewed already.</translation>
    </message>
    <message>
        <source>Answer every question of the review form (or mark it not applicable) first.</source>
        <translation>Answer every question of the review form (or mark it not applicable) first.</translation>
    </message>
    <message>
        <source>Training runs only on a training database; this console is on a live one.</source>
        <translation>Training runs only on a training database; this console is on a live one.</translation>
    </message>
    <message>
        <source>That training session does not exist.</source>
        <translation>That training session does not exist.</translation>
    </message>
    <message>
        <source>That training session has ended.</source>
        <translation>That training session has ended.</translation>
    </message>
    <message>
        <source>That call is not part of a training session.</source>
        <translation>That call is not part of a training session.</translation>
    </message>
    <message>
        <source>Another console changed this at the same moment. Look again and repeat if needed.</source>
        <translation>Another console changed this at the same moment. Look again and repeat if needed.</translation>
    </message>
    <message>
        <source>Another console changed this field since you opened it: choose which value to keep.</source>
        <translation>Another console changed this field since you opened it: choose which value to keep.</translation>
    </message>
    <message>
        <source>That agency is not in the directory.</source>
        <translation>That agency is not in the directory.</translation>
    </message>
    <message>
        <source>That agency is marked inactive in the directory.</source>
        <translation>That agency is marked inactive in the directory.</translation>
    </message>
    <message>
        <source>Another agency in the directory has that code.</source>
        <translation>Another agency in the directory has that code.</translation>
    </message>
    <message>
        <source>The agency's entry is not valid: see the fields marked.</source>
        <translation>The agency's entry is not valid: see the fields marked.</translation>
    </message>
    <message>
        <source>That forwarding does not exist.</source>
        <translation>That forwarding does not exist.</translation>
    </message>
    <message>
        <source>That forwarding is closed already.</source>
        <translation>That forwarding is closed already.</translation>
    </message>
    <message>
        <source>This incident is already forwarded to that agency and the forwarding is open.</source>
        <translation>This incident is already forwarded to that agency and the forwarding is open.</translation>
    </message>
    <message>
        <source>Forwardings to agencies are still open: record what they reported, or cancel them, first.</source>
        <translation>Forwardings to agencies are still open: record what they reported, or cancel them, first.</translation>
    </message>
    <message>
        <source>That time is before the incident was forwarded, or in the future.</source>
        <translation>That time is before the incident was forwarded, or in the future.</translation>
    </message>
    <message>
        <source>That report does not fit what the agency reported before (for example, arrived after handled).</source>
        <translation>That report does not fit what the agency reported before (for example, arrived after handled).</translation>
    </message>
    <message>
        <source>The directory has no SMS number for that agency.</source>
        <translation>The directory has no SMS number for that agency.</translation>
    </message>
    <message>
        <source>The directory has no telephone number for that agency.</source>
        <translation>The directory has no telephone number for that agency.</translation>
    </message>
    <message>
        <source>This console has no telephone extension set (Settings), so the PBX cannot ring you first.</source>
        <translation>This console has no telephone extension set (Settings), so the PBX cannot ring you first.</translation>
    </message>
    <message>
        <source>That message is not in the outbox.</source>
        <translation>That message is not in the outbox.</translation>
    </message>
    <message>
        <source>That camera is not in the registry.</source>
        <translation>That camera is not in the registry.</translation>
    </message>
    <message>
        <source>Another camera in the registry has that id.</source>
        <translation>Another camera in the registry has that id.</translation>
    </message>
    <message>
        <source>The camera's entry is not valid: see the fields marked.</source>
        <translation>The camera's entry is not valid: see the fields marked.</translation>
    </message>
    <message>
        <source>That file is too large to attach.</source>
        <translation>That file is too large to attach.</translation>
    </message>
    <message>
        <source>That file is empty: nothing was attached.</source>
        <translation>That file is empty: nothing was attached.</translation>
    </message>
    <message>
        <source>Console registered</source>
        <translation>Console registered</translation>
    </message>
    <message>
        <source>Account created</source>
        <translation>Account created</translation>
    </message>
    <message>
        <source>Logged in</source>
        <translation>Logged in</translation>
    </message>
    <message>
        <source>Login failed</source>
        <translation>Login failed</translation>
    </message>
    <message>
        <source>Logged out</source>
        <translation>Logged out</translation>
    </message>
    <message>
        <source>Account unlocked</source>
        <translation>Account unlocked</translation>
    </message>
    <message>
        <source>Account deactivated</source>
        <translation>Account deactivated</translation>
    </message>
    <message>
        <source>Account reactivated</source>
        <translation>Account reactivated</translation>
    </message>
    <message>
        <source>Password reset</source>
        <translation>Password reset</translation>
    </message>
    <message>
        <source>Role changed</source>
        <translation>Role changed</translation>
    </message>
    <message>
        <source>Call came in (feed)</source>
        <translation>Call came in (feed)</translation>
    </message>
    <message>
        <source>Call ringing (feed)</source>
        <translation>Call ringing (feed)</translation>
    </message>
    <message>
        <source>Call answered (feed)</source>
        <translation>Call answered (feed)</translation>
    </message>
    <message>
        <source>Call ended (feed)</source>
        <translation>Call ended (feed)</translation>
    </message>
    <message>
        <source>Call answered</source>
        <translation>Call answered</translation>
    </message>
    <message>
        <source>Call hung up</source>
        <translation>Call hung up</translation>
    </message>
    <message>
        <source>Call classified</source>
        <translation>Call classified</translation>
    </message>
    <message>
        <source>Call attached to an incident</source>
        <translation>Call attached to an incident</translation>
    </message>
    <message>
        <source>Call ended as its incident closed</source>
        <translation>Call ended as its incident closed</translation>
    </message>
    <message>
        <source>Call left over from an earlier run ended</source>
        <translation>Call left over from an earlier run ended</translation>
    </message>
    <message>
        <source>Incident opened</source>
        <translation>Incident opened</translation>
    </message>
    <message>
        <source>Incident field changed</source>
        <translation>Incident field changed</translation>
    </message>
    <message>
        <source>Incident area set</source>
        <translation>Incident area set</translation>
    </message>
    <message>
        <source>Incident position set</source>
        <translation>Incident position set</translation>
    </message>
    <message>
        <source>Incident marks changed</source>
        <translation>Incident marks changed</translation>
    </message>
    <message>
        <source>Note added</source>
        <translation>Note added</translation>
    </message>
    <message>
        <source>Protocol question answered</source>
        <translation>Protocol question answered</translation>
    </message>
    <message>
        <source>Incident closed</source>
        <translation>Incident closed</translation>
    </message>
    <message>
        <source>Incident cancelled</source>
        <translation>Incident cancelled</translation>
    </message>
    <message>
        <source>Incident reopened</source>
        <translation>Incident reopened</translation>
    </message>
    <message>
        <source>Unit added</source>
        <translation>Unit added</translation>
    </message>
    <message>
        <source>Unit changed</source>
        <translation>Unit changed</translation>
    </message>
    <message>
        <source>Unit put back on the roster</source>
        <translation>Unit put back on the roster</translation>
    </message>
    <message>
        <source>Unit taken off the roster</source>
        <translation>Unit taken off the roster</translation>
    </message>
    <message>
        <source>Unit dispatched</source>
        <translation>Unit dispatched</translation>
    </message>
    <message>
        <source>Unit status changed</source>
        <translation>Unit status changed</translation>
    </message>
    <message>
        <source>Unit status overridden</source>
        <translation>Unit status overridden</translation>
    </message>
    <message>
        <source>Unit available again as its incident ended</source>
        <translation>Unit available again as its incident ended</translation>
    </message>
    <message>
        <source>Roster loaded</source>
        <translation>Roster loaded</translation>
    </message>
    <message>
        <source>Roster imported</source>
        <translation>Roster imported</translation>
    </message>
    <message>
        <source>Callback queued</source>
        <translation>Callback queued</translation>
    </message>
    <message>
        <source>Callback attempted</source>
        <translation>Callback attempted</translation>
    </message>
    <message>
        <source>Callback closed</source>
        <translation>Callback closed</translation>
    </message>
    <message>
        <source>Callback reached an emergency</source>
        <translation>Callback reached an emergency</translation>
    </message>
    <message>
        <source>Number put on the watch list</source>
        <translation>Number put on the watch list</translation>
    </message>
    <message>
        <source>Number flag lifted</source>
        <translation>Number flag lifted</translation>
    </message>
    <message>
        <source>Alert raised</source>
        <translation>Alert raised</translation>
    </message>
    <message>
        <source>Alert acknowledged</source>
        <translation>Alert acknowledged</translation>
    </message>
    <message>
        <source>Alert cleared</source>
        <translation>Alert cleared</translation>
    </message>
    <message>
        <source>Feed down</source>
        <translation>Feed down</translation>
    </message>
    <message>
        <source>Feed up again</source>
        <translation>Feed up again</translation>
    </message>
    <message>
        <source>Shift opened</source>
        <translation>Shift opened</translation>
    </message>
    <message>
        <source>Shift closed</source>
        <translation>Shift closed</translation>
    </message>
    <message>
        <source>Pass-down instructions written</source>
        <translation>Pass-down instructions written</translation>
    </message>
    <message>
        <source>Handover report signed</source>
        <translation>Handover report signed</translation>
    </message>
    <message>
        <source>Handover report acknowledged</source>
        <translation>Handover report acknowledged</translation>
    </message>
    <message>
        <source>Addendum to a handover report</source>
        <translation>Addendum to a handover report</translation>
    </message>
    <message>
        <source>Calls drawn for review</source>
        <translation>Calls drawn for review</translation>
    </message>
    <message>
        <source>Call reviewed</source>
        <translation>Call reviewed</translation>
    </message>
    <message>
        <source>Training scenario started</source>
        <translation>Training scenario started</translation>
    </message>
    <message>
        <source>Training call rang</source>
        <translation>Training call rang</translation>
    </message>
    <message>
        <source>Simulated caller spoke</source>
        <translation>Simulated caller spoke</translation>
    </message>
    <message>
        <source>Training scenario ended</source>
        <translation>Training scenario ended</translation>
    </message>
    <message>
        <source>Training call scored</source>
        <translation>Training call scored</translation>
    </message>
    <message>
        <source>Report written to a file</source>
        <translation>Report written to a file</translation>
    </message>
    <message>
        <source>Feed gateway started</source>
        <translation>Feed gateway started</translation>
    </message>
    <message>
        <source>Feed gateway stopped</source>
        <translation>Feed gateway stopped</translation>
    </message>
    <message>
        <source>Old change notices removed</source>
        <translation>Old change notices removed</translation>
    </message>
    <message>
        <source>Handset position received</source>
        <translation>Handset position received</translation>
    </message>
    <message>
        <source>Agency added to the directory</source>
        <translation>Agency added to the directory</translation>
    </message>
    <message>
        <source>Agency changed in the directory</source>
        <translation>Agency changed in the directory</translation>
    </message>
    <message>
        <source>Agency directory imported</source>
        <translation>Agency directory imported</translation>
    </message>
    <message>
        <source>Incident forwarded to an agency</source>
        <translation>Incident forwarded to an agency</translation>
    </message>
    <message>
        <source>Forwarding corrected</source>
        <translation>Forwarding corrected</translation>
    </message>
    <message>
        <source>Agency report recorded</source>
        <translation>Agency report recorded</translation>
    </message>
    <message>
        <source>Message or call queued for sending</source>
        <translation>Message or call queued for sending</translation>
    </message>
    <message>
        <source>Message sent or call started</source>
        <translation>Message sent or call started</translation>
    </message>
    <message>
        <source>Message or call could not be sent</source>
        <translation>Message or call could not be sent</translation>
    </message>
    <message>
        <source>Delivery report received</source>
        <translation>Delivery report received</translation>
    </message>
    <message>
        <source>Camera added to the registry</source>
        <translation>Camera added to the registry</translation>
    </message>
    <message>
        <source>Camera changed in the registry</source>
        <translation>Camera changed in the registry</translation>
    </message>
    <message>
        <source>Camera registry imported</source>
        <translation>Camera registry imported</translation>
    </message>
    <message>
        <source>File attached to an incident</source>
        <translation>File attached to an incident</translation>
    </message>
    <message>
        <source>Typed</source>
        <translation>Typed</translation>
    </message>
    <message>
        <source>Console</source>
        <translation>Console</translation>
    </message>
    <message>
        <source>Protocol card</source>
        <translation>Protocol card</translation>
    </message>
    <message>
        <source>Copied from a duplicate</source>
        <translation>Copied from a duplicate</translation>
    </message>
    <message>
        <source>%1 is %2: it can go to %3. A supervisor can override (Ctrl+Shift+F7).</source>
        <translation>%1 is %2: it can go to %3. A supervisor can override (Ctrl+Shift+F7).</translation>
    </message>
    <message>
        <source>no other status</source>
        <translation>no other status</translation>
    </message>
    <message>
        <source>On answer</source>
        <translation>On answer</translation>
    </message>
    <message>
        <source>Asked</source>
        <translation>Asked</translation>
    </message>
    <message>
        <source>Heard in the narrative</source>
        <translation>Heard in the narrative</translation>
    </message>
    <message>
        <source>Called back</source>
        <translation>Called back</translation>
    </message>
    <message>
        <source>Trainer, live</source>
        <translation>Trainer, live</translation>
    </message>
    <message>
        <source>Hung up</source>
        <translation>Hung up</translation>
    </message>
    <message>
        <source>the Indonesian text (id) is empty</source>
        <translation>the Indonesian text (id) is empty</translation>
    </message>
    <message>
        <source>the English text (en) is empty</source>
        <translation>the English text (en) is empty</translation>
    </message>
    <message>
        <source>the file cannot be read: {reason}</source>
        <translation>the file cannot be read: {reason}</translation>
    </message>
    <message>
        <source>not UTF-8 text (byte {byte})</source>
        <translation>not UTF-8 text (byte {byte})</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>the file is empty</translation>
    </message>
    <message>
        <source>column {column}: a value was expected (text in double quotes, a number, true, false, null, {...} or [...])</source>
        <translation>column {column}: a value was expected (text in double quotes, a number, true, false, null, {...} or [...])</translation>
    </message>
    <message>
        <source>column {column}: a name in double quotes was expected (a comma too many?)</source>
        <translation>column {column}: a name in double quotes was expected (a comma too many?)</translation>
    </message>
    <message>
        <source>column {column}: ':' was expected after the name</source>
        <translation>column {column}: ':' was expected after the name</translation>
    </message>
    <message>
        <source>column {column}: ',' or '{close}' was expected (a comma missing?)</source>
        <translation>column {column}: ',' or '{close}' was expected (a comma missing?)</translation>
    </message>
    <message>
        <source>column {column}: a comma before the end of an object or list (JSON allows none there)</source>
        <translation>column {column}: a comma before the end of an object or list (JSON allows none there)</translation>
    </message>
    <message>
        <source>column {column}: the text in quotes is not closed</source>
        <translation>column {column}: the text in quotes is not closed</translation>
    </message>
    <message>
        <source>column {column}: a line break or control character inside quotes (write \n)</source>
        <translation>column {column}: a line break or control character inside quotes (write \n)</translation>
    </message>
    <message>
        <source>column {column}: a backslash must be followed by " \ / b f n r t or uXXXX</source>
        <translation>column {column}: a backslash must be followed by " \ / b f n r t or uXXXX</translation>
    </message>
    <message>
        <source>column {column}: the number is too large</source>
        <translation>column {column}: the number is too large</translation>
    </message>
    <message>
        <source>column {column}: more after the end of the scenario</source>
        <translation>column {column}: more after the end of the scenario</translation>
    </message>
    <message>
        <source>column {column}: nested too deeply</source>
        <translation>column {column}: nested too deeply</translation>
    </message>
    <message>
        <source>{key} is given twice in the same object</source>
        <translation>{key} is given twice in the same object</translation>
    </message>
    <message>
        <source>a control character ({code}) in the text</source>
        <translation>a control character ({code}) in the text</translation>
    </message>
    <message>
        <source>should be {expected}, not {found}</source>
        <translation>should be {expected}, not {found}</translation>
    </message>
    <message>
        <source>unknown name {key} (allowed: {allowed})</source>
        <translation>unknown name {key} (allowed: {allowed})</translation>
    </message>
    <message>
        <source>{key} is missing</source>
        <translation>{key} is missing</translation>
    </message>
    <message>
        <source>the format is {value}; this console reads {expected}</source>
        <translation>the format is {value}; this console reads {expected}</translation>
    </message>
    <message>
        <source>the id {value} differs from the file name: it should be {expected}</source>
        <translation>the id {value} differs from the file name: it should be {expected}</translation>
    </message>
    <message>
        <source>{value} may only have the characters {allowed}</source>
        <translation>{value} may only have the characters {allowed}</translation>
    </message>
    <message>
        <source>the key {value} is already used by another call or surge</source>
        <translation>the key {value} is already used by another call or surge</translation>
    </message>
    <message>
        <source>{value} is given twice</source>
        <translation>{value} is given twice</translation>
    </message>
    <message>
        <source>{value} is less than {minimum}</source>
        <translation>{value} is less than {minimum}</translation>
    </message>
    <message>
        <source>{value} should be more than 0</source>
        <translation>{value} should be more than 0</translation>
    </message>
    <message>
        <source>{value} is more than {maximum}</source>
        <translation>{value} is more than {maximum}</translation>
    </message>
    <message>
        <source>{value} is not before the scenario's end ({duration} s)</source>
        <translation>{value} is not before the scenario's end ({duration} s)</translation>
    </message>
    <message>
        <source>the {language} text is empty</source>
        <translation>the {language} text is empty</translation>
    </message>
    <message>
        <source>should not be empty</source>
        <translation>should not be empty</translation>
    </message>
    <message>
        <source>{value} has no letter or digit: it can never be heard in a narrative</source>
        <translation>{value} has no letter or digit: it can never be heard in a narrative</translation>
    </message>
    <message>
        <source>{length} characters, more than {maximum}</source>
        <translation>{length} characters, more than {maximum}</translation>
    </message>
    <message>
        <source>{value} is not a number as caller ID gives it (digits, + first, P withheld, O unavailable)</source>
        <translation>{value} is not a number as caller ID gives it (digits, + first, P withheld, O unavailable)</translation>
    </message>
    <message>
        <source>{value} is not one of {allowed}</source>
        <translation>{value} is not one of {allowed}</translation>
    </message>
    <message>
        <source>{value} is not a category of the catalogue ({allowed})</source>
        <translation>{value} is not a category of the catalogue ({allowed})</translation>
    </message>
    <message>
        <source>the category {category} has no protocol card, so no questions</source>
        <translation>the category {category} has no protocol card, so no questions</translation>
    </message>
    <message>
        <source>{value} is not a question on the {category} protocol card ({allowed})</source>
        <translation>{value} is not a question on the {category} protocol card ({allowed})</translation>
    </message>
    <message>
        <source>the required question {value} has no answer in the script</source>
        <translation>the required question {value} has no answer in the script</translation>
    </message>
    <message>
        <source>{value} is not a code of the area table</source>
        <translation>{value} is not a code of the area table</translation>
    </message>
    <message>
        <source>{value} ({name}) is not a kelurahan or desa: give a code of four parts (33.74.13.1003)</source>
        <translation>{value} ({name}) is not a kelurahan or desa: give a code of four parts (33.74.13.1003)</translation>
    </message>
    <message>
        <source>{lat}, {lon} is outside Indonesia (latitude first, then longitude)</source>
        <translation>{lat}, {lon} is outside Indonesia (latitude first, then longitude)</translation>
    </message>
    <message>
        <source>{key} is only for an emergency (the class is {call_class})</source>
        <translation>{key} is only for an emergency (the class is {call_class})</translation>
    </message>
    <message>
        <source>after_callback is only for a silent call (the class is {call_class})</source>
        <translation>after_callback is only for a silent call (the class is {call_class})</translation>
    </message>
    <message>
        <source>a silent caller says nothing on answer: the opening should be null</source>
        <translation>a silent caller says nothing on answer: the opening should be null</translation>
    </message>
    <message>
        <source>a silent call that is {after} on callback needs the caller's callback line</source>
        <translation>a silent call that is {after} on callback needs the caller's callback line</translation>
    </message>
    <message>
        <source>the scenario has no calls and no surges</source>
        <translation>the scenario has no calls and no surges</translation>
    </message>
    <message>
        <source>an object {...}</source>
        <translation>an object {...}</translation>
    </message>
    <message>
        <source>a list [...]</source>
        <translation>a list [...]</translation>
    </message>
    <message>
        <source>text in double quotes</source>
        <translation>text in double quotes</translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation>a whole number</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>a number</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true or false</translation>
    </message>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>a pair [latitude, longitude]</source>
        <translation>a pair [latitude, longitude]</translation>
    </message>
    <message>
        <source>text in both languages or null</source>
        <translation>text in both languages or null</translation>
    </message>
    <message>
        <source>Telephone</source>
        <translation>Telephone</translation>
    </message>
    <message>
        <source>Telephone (dialled by the console)</source>
        <translation>Telephone (dialled by the console)</translation>
    </message>
    <message>
        <source>Radio call</source>
        <translation>Radio call</translation>
    </message>
    <message>
        <source>SMS from the console</source>
        <translation>SMS from the console</translation>
    </message>
    <message>
        <source>WhatsApp message</source>
        <translation>WhatsApp message</translation>
    </message>
    <message>
        <source>acknowledged by the agency</source>
        <translation>acknowledged by the agency</translation>
    </message>
    <message>
        <source>being sent</source>
        <translation>being sent</translation>
    </message>
    <message>
        <source>sent, no delivery report yet</source>
        <translation>sent, no delivery report yet</translation>
    </message>
    <message>
        <source>could not be sent</source>
        <translation>could not be sent</translation>
    </message>
    <message>
        <source>delivered to the handset</source>
        <translation>delivered to the handset</translation>
    </message>
    <message>
        <source>In person (liaison in the room)</source>
        <translation>In person (liaison in the room)</translation>
    </message>
    <message>
        <source>forwarded, not acknowledged</source>
        <translation>forwarded, not acknowledged</translation>
    </message>
    <message>
        <source>agency dispatched</source>
        <translation>agency dispatched</translation>
    </message>
    <message>
        <source>agency at the scene</source>
        <translation>agency at the scene</translation>
    </message>
    <message>
        <source>handled by the agency</source>
        <translation>handled by the agency</translation>
    </message>
    <message>
        <source>forwarding cancelled</source>
        <translation>forwarding cancelled</translation>
    </message>
    <message>
        <source>Arrived at the scene</source>
        <translation>Arrived at the scene</translation>
    </message>
    <message>
        <source>Handled</source>
        <translation>Handled</translation>
    </message>
    <message>
        <source>Needs more help</source>
        <translation>Needs more help</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Forwarding cancelled</source>
        <translation>Forwarding cancelled</translation>
    </message>
    <message>
        <source>recorded by the operator</source>
        <translation>recorded by the operator</translation>
    </message>
    <message>
        <source>SMS reply</source>
        <translation>SMS reply</translation>
    </message>
    <message>
        <source>waiting to be sent</source>
        <translation>waiting to be sent</translation>
    </message>
    <message>
        <source>not delivered</source>
        <translation>not delivered</translation>
    </message>
    <message>
        <source>forwarded to</source>
        <translation>forwarded to</translation>
    </message>
    <message>
        <source>in the room, with its units</source>
        <translation>in the room, with its units</translation>
    </message>
</context>
<context>
    <name>LocationEntry</name>
    <message>
        <source>province</source>
        <extracomment>The registry's entry for Ctrl+H (a key of the incident form, ``ui/actions.py``).</extracomment>
        <translation>province</translation>
    </message>
    <message>
        <source>kabupaten/kota</source>
        <translation>kabupaten/kota</translation>
    </message>
    <message>
        <source>kecamatan</source>
        <translation>kecamatan</translation>
    </message>
    <message>
        <source>kelurahan/desa</source>
        <translation>kelurahan/desa</translation>
    </message>
    <message>
        <source>No %1 named “%2” is known: check the spelling or use Find area (Ctrl+L).</source>
        <translation>No %1 named “%2” is known: check the spelling or use Find area (Ctrl+L).</translation>
    </message>
    <message>
        <source>“%1” is not in the %2 “%3”: one of them is wrong.</source>
        <translation>“%1” is not in the %2 “%3”: one of them is wrong.</translation>
    </message>
    <message>
        <source>Latitude and longitude look swapped: latitude comes first. Did you mean %1?</source>
        <translation>Latitude and longitude look swapped: latitude comes first. Did you mean %1?</translation>
    </message>
    <message>
        <source>Not a position: paste e.g. -6.99306, 110.42083, 6°59'35"S 110°25'15"E or a map link.</source>
        <translation>Not a position: paste e.g. -6.99306, 110.42083, 6°59'35"S 110°25'15"E or a map link.</translation>
    </message>
    <message>
        <source>This link has no coordinates in it (a short link): open it and copy the position.</source>
        <translation>This link has no coordinates in it (a short link): open it and copy the position.</translation>
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
        <source>Latitude and longitude look swapped.</source>
        <translation>Latitude and longitude look swapped.</translation>
    </message>
    <message>
        <source>No position yet: pick the kelurahan (Ctrl+L) or paste a position here.</source>
        <translation>No position yet: pick the kelurahan (Ctrl+L) or paste a position here.</translation>
    </message>
    <message>
        <source>Centre of the kelurahan %1</source>
        <translation>Centre of the kelurahan %1</translation>
    </message>
    <message>
        <source>Centre of the kecamatan %1</source>
        <translation>Centre of the kecamatan %1</translation>
    </message>
    <message>
        <source>Centre of the kelurahan %1, about %2</source>
        <translation>Centre of the kelurahan %1, about %2</translation>
    </message>
    <message>
        <source>Centre of the kecamatan %1, about %2</source>
        <translation>Centre of the kecamatan %1, about %2</translation>
    </message>
    <message>
        <source>Handset (AML) by %1</source>
        <translation>Handset (AML) by %1</translation>
    </message>
    <message>
        <source>Handset (AML)</source>
        <translation>Handset (AML)</translation>
    </message>
    <message>
        <source>fixed at %1</source>
        <translation>fixed at %1</translation>
    </message>
    <message>
        <source>Typed at %1</source>
        <translation>Typed at %1</translation>
    </message>
    <message>
        <source>Typed</source>
        <translation>Typed</translation>
    </message>
    <message>
        <source>Find the location</source>
        <translation>Find the location</translation>
    </message>
    <message>
        <source>Type a kelurahan, kecamatan or kota, pick with ↓ and Enter (Ctrl+L)</source>
        <translation>Type a kelurahan, kecamatan or kota, pick with ↓ and Enter (Ctrl+L)</translation>
    </message>
    <message>
        <source>Paste -6.99306, 110.42083, degrees-minutes-seconds or a map link</source>
        <translation>Paste -6.99306, 110.42083, degrees-minutes-seconds or a map link</translation>
    </message>
    <message>
        <source>Find area</source>
        <translation>Find area</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Use handset position (%1)</source>
        <translation>Use handset position (%1)</translation>
    </message>
    <message>
        <source>No handset position is waiting for this incident.</source>
        <translation>No handset position is waiting for this incident.</translation>
    </message>
    <message>
        <source>Not used: the database is away. Press it again when it is back.</source>
        <translation>Not used: the database is away. Press it again when it is back.</translation>
    </message>
    <message>
        <source>Premise history: no earlier incidents here.</source>
        <translation>Premise history: no earlier incidents here.</translation>
    </message>
    <message>
        <source>Premise history (same kelurahan or within 200 m):</source>
        <translation>Premise history (same kelurahan or within 200 m):</translation>
    </message>
    <message>
        <source>same kelurahan</source>
        <translation>same kelurahan</translation>
    </message>
    <message>
        <source>No area matches “%1”.</source>
        <translation>No area matches “%1”.</translation>
    </message>
    <message>
        <source>This area's names do not fit the form.</source>
        <translation>This area's names do not fit the form.</translation>
    </message>
    <message>
        <source>The location of incident %1 could not be saved: %2</source>
        <translation>The location of incident %1 could not be saved: %2</translation>
    </message>
    <message>
        <source>%1 from the position now used</source>
        <translation>%1 from the position now used</translation>
    </message>
    <message>
        <source>Handset position received: %1.</source>
        <translation>Handset position received: %1.</translation>
    </message>
    <message>
        <source>✎ Not saved yet: the database is away. %1 is saved when it is back.</source>
        <translation>✎ Not saved yet: the database is away. %1 is saved when it is back.</translation>
    </message>
    <message>
        <source>The location of incident %1 was changed at another console meanwhile: open it to choose.</source>
        <translation>The location of incident %1 was changed at another console meanwhile: open it to choose.</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>⚠ The address was changed at another console to: %1 — yours: %2. F11 keeps theirs, F12 uses yours.</source>
        <translation>⚠ The address was changed at another console to: %1 — yours: %2. F11 keeps theirs, F12 uses yours.</translation>
    </message>
    <message>
        <source>⚠ The position was changed at another console to: %1 — yours: %2. F11 keeps theirs, F12 uses yours.</source>
        <translation>⚠ The position was changed at another console to: %1 — yours: %2. F11 keeps theirs, F12 uses yours.</translation>
    </message>
    <message>
        <source>✎ Not saved yet: the database is away. Kept as typed; saved when it is back.</source>
        <translation>✎ Not saved yet: the database is away. Kept as typed; saved when it is back.</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>Saved: %1</translation>
    </message>
    <message>
        <source>Saved, but this is outside Indonesia: %1. Check it with the caller.</source>
        <translation>Saved, but this is outside Indonesia: %1. Check it with the caller.</translation>
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
        <source>Only a supervisor can close a callback without reaching the caller.</source>
        <translation>Only a supervisor can close a callback without reaching the caller.</translation>
    </message>
    <message>
        <source>On the line</source>
        <translation>On the line</translation>
    </message>
    <message>
        <source>No call on the line at this console.</source>
        <translation>No call on the line at this console.</translation>
    </message>
    <message>
        <source>Ringing</source>
        <translation>Ringing</translation>
    </message>
    <message>
        <source>Active incidents (Ctrl+2)</source>
        <translation>Active incidents (Ctrl+2)</translation>
    </message>
    <message>
        <source>Callbacks (Ctrl+4) (%1)</source>
        <extracomment>In training, the dial before the outcome is chosen (``TrainingWork.dial``): what the scenario's caller says when called back ("No answer." when silent), None when the call is not a scenario's.</extracomment>
        <translation>Callbacks (Ctrl+4) (%1)</translation>
    </message>
    <message>
        <source>No callback is waiting.</source>
        <translation>No callback is waiting.</translation>
    </message>
    <message>
        <source>Call back %1 (%2 attempts so far); outcome:</source>
        <translation>Call back %1 (%2 attempts so far); outcome:</translation>
    </message>
    <message>
        <source>Callback to %1: %2.</source>
        <translation>Callback to %1: %2.</translation>
    </message>
    <message>
        <source>Close the callback to %1 as:</source>
        <translation>Close the callback to %1 as:</translation>
    </message>
    <message>
        <source>Close the callback</source>
        <translation>Close the callback</translation>
    </message>
    <message>
        <source>Why is it closed? (kept with the callback)</source>
        <translation>Why is it closed? (kept with the callback)</translation>
    </message>
    <message>
        <source>Callback to %1 closed: %2.</source>
        <translation>Callback to %1 closed: %2.</translation>
    </message>
    <message>
        <source>Dispatch (F6)</source>
        <translation>Dispatch (F6)</translation>
    </message>
    <message>
        <source>Protocol card (Ctrl+P)</source>
        <translation>Protocol card (Ctrl+P)</translation>
    </message>
    <message>
        <source>Filter units: call sign, agency, status, station (Ctrl+F)</source>
        <translation>Filter units: call sign, agency, status, station (Ctrl+F)</translation>
    </message>
    <message>
        <source>Alarms</source>
        <translation>Alarms</translation>
    </message>
    <message>
        <source>Callers</source>
        <translation>Callers</translation>
    </message>
    <message>
        <source>Incidents and callbacks (Ctrl+2, Ctrl+4)</source>
        <translation>Incidents and callbacks (Ctrl+2, Ctrl+4)</translation>
    </message>
    <message>
        <source>Incident (F5)</source>
        <translation>Incident (F5)</translation>
    </message>
    <message>
        <source>Units (Ctrl+3)</source>
        <translation>Units (Ctrl+3)</translation>
    </message>
    <message>
        <source>Overdue (Ctrl+Shift+A acknowledges)</source>
        <translation>Overdue (Ctrl+Shift+A acknowledges)</translation>
    </message>
    <message>
        <source>Figures (Ctrl+7)</source>
        <translation>Figures (Ctrl+7)</translation>
    </message>
    <message>
        <source>Trainer (Ctrl+9)</source>
        <translation>Trainer (Ctrl+9)</translation>
    </message>
    <message>
        <source>Debrief (Ctrl+0)</source>
        <translation>Debrief (Ctrl+0)</translation>
    </message>
    <message>
        <source>Situation map (Ctrl+M)</source>
        <translation>Situation map (Ctrl+M)</translation>
    </message>
    <message>
        <source>Forwarding to agencies (Ctrl+T)</source>
        <translation>Forwarding to agencies (Ctrl+T)</translation>
    </message>
    <message>
        <source>Cameras near the incident (Ctrl+J)</source>
        <translation>Cameras near the incident (Ctrl+J)</translation>
    </message>
    <message>
        <source>Connection to the database is back (lost at %1).</source>
        <translation>Connection to the database is back (lost at %1).</translation>
    </message>
    <message>
        <source>Saved what was typed meanwhile: %1.</source>
        <translation>Saved what was typed meanwhile: %1.</translation>
    </message>
    <message>
        <source>Change user</source>
        <translation>Change user</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>Log out</translation>
    </message>
    <message>
        <source>Calls ringing: %1.</source>
        <translation>Calls ringing: %1.</translation>
    </message>
    <message>
        <source>A training scenario is running: it will be ended and scored.</source>
        <translation>A training scenario is running: it will be ended and scored.</translation>
    </message>
    <message>
        <source>Incident %1 is open in the form.</source>
        <translation>Incident %1 is open in the form.</translation>
    </message>
    <message>
        <source>Typed while the database was away and not saved yet: %1. Quitting now loses it.</source>
        <translation>Typed while the database was away and not saved yet: %1. Quitting now loses it.</translation>
    </message>
    <message>
        <source>%1

Quit the console anyway?</source>
        <translation>%1

Quit the console anyway?</translation>
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
        <source>Command line</source>
        <translation>Command line</translation>
    </message>
    <message>
        <source>Shift (Ctrl+5)</source>
        <translation>Shift (Ctrl+5)</translation>
    </message>
    <message>
        <source>Shift log (Ctrl+6, Ctrl+8)</source>
        <translation>Shift log (Ctrl+6, Ctrl+8)</translation>
    </message>
    <message>
        <source>%1

Leave anyway?</source>
        <translation>%1

Leave anyway?</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
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
        <source>unexpected error</source>
        <translation>unexpected error</translation>
    </message>
    <message>
        <source>No one logged in</source>
        <translation>No one logged in</translation>
    </message>
    <message>
        <source>ended</source>
        <translation>ended</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>not started</translation>
    </message>
    <message>
        <source>Feed: scenario %1 (%2)</source>
        <translation>Feed: scenario %1 (%2)</translation>
    </message>
    <message>
        <source>Gateway %1 on %2 (process %3), last heartbeat %4</source>
        <translation>Gateway %1 on %2 (process %3), last heartbeat %4</translation>
    </message>
    <message>
        <source>The gateway's state could not be read: %1</source>
        <translation>The gateway's state could not be read: %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>Gateway feeds: %1</source>
        <translation>Gateway feeds: %1</translation>
    </message>
    <message>
        <source>No gateway is running: calls from the telephone are not being recorded.</source>
        <extracomment>Red and bold, always with words that say the same (never colour alone). Under this, a gateway's silence is said in seconds ("for 14 s"); from it on, since when.</extracomment>
        <translation>No gateway is running: calls from the telephone are not being recorded.</translation>
    </message>
    <message>
        <source>The gateway %2 stopped at %1: calls from the telephone are not being recorded.</source>
        <translation>The gateway %2 stopped at %1: calls from the telephone are not being recorded.</translation>
    </message>
    <message>
        <source>The gateway stopped at %1: calls from the telephone are not being recorded.</source>
        <translation>The gateway stopped at %1: calls from the telephone are not being recorded.</translation>
    </message>
    <message>
        <source>No heartbeat from the gateway %2 for %1 s: calls from the telephone are not being recorded.</source>
        <translation>No heartbeat from the gateway %2 for %1 s: calls from the telephone are not being recorded.</translation>
    </message>
    <message>
        <source>No heartbeat from the gateway for %1 s: calls from the telephone are not being recorded.</source>
        <translation>No heartbeat from the gateway for %1 s: calls from the telephone are not being recorded.</translation>
    </message>
    <message>
        <source>No heartbeat from the gateway %2 since %1: calls from the telephone are not being recorded.</source>
        <translation>No heartbeat from the gateway %2 since %1: calls from the telephone are not being recorded.</translation>
    </message>
    <message>
        <source>No heartbeat from the gateway since %1: calls from the telephone are not being recorded.</source>
        <translation>No heartbeat from the gateway since %1: calls from the telephone are not being recorded.</translation>
    </message>
    <message>
        <source>, STORING DELAYED (%1 waiting)</source>
        <translation>, STORING DELAYED (%1 waiting)</translation>
    </message>
    <message>
        <source>⚠ FEED DOWN: %1 since %2. Calls from it are not reaching this console.</source>
        <translation>⚠ FEED DOWN: %1 since %2. Calls from it are not reaching this console.</translation>
    </message>
    <message>
        <source>⚠ CALLS NOT STORED YET: %1 since %2. The database does not accept them; they are kept on this computer and stored when it does.</source>
        <translation>⚠ CALLS NOT STORED YET: %1 since %2. The database does not accept them; they are kept on this computer and stored when it does.</translation>
    </message>
    <message>
        <source>⚠ FEED RESTARTED: %1 stopped at %2 and was started again (%3).</source>
        <translation>⚠ FEED RESTARTED: %1 stopped at %2 and was started again (%3).</translation>
    </message>
    <message>
        <source>⚠ FEED SENDS GARBAGE: %1 since %2. Most of it is counted, not stored (%3).</source>
        <translation>⚠ FEED SENDS GARBAGE: %1 since %2. Most of it is counted, not stored (%3).</translation>
    </message>
    <message>
        <source>⚠ CALLS LOST: %1 since %2. The spool of frames waiting for the database is full.</source>
        <translation>⚠ CALLS LOST: %1 since %2. The spool of frames waiting for the database is full.</translation>
    </message>
    <message>
        <source>Gateway %1 silent: calls from the telephone are not being recorded</source>
        <extracomment>A live centre's console: the gateway checks the timers, this console shows the alerts. Gateways whose silence someone acknowledged (not shown again until it ends).</extracomment>
        <translation>Gateway %1 silent: calls from the telephone are not being recorded</translation>
    </message>
    <message>
        <source>No gateway is running: calls from the telephone are not being recorded</source>
        <translation>No gateway is running: calls from the telephone are not being recorded</translation>
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
        <source>Alerts not read: the database does not answer.</source>
        <translation>Alerts not read: the database does not answer.</translation>
    </message>
    <message>
        <source>Timers not checked: the database is busy.</source>
        <translation>Timers not checked: the database is busy.</translation>
    </message>
    <message>
        <source>Timers could not be checked: %1</source>
        <translation>Timers could not be checked: %1</translation>
    </message>
    <message>
        <source>No call is ringing.</source>
        <extracomment>In training, what the scenario's caller says on answer (``TrainingWork.opening``: said once, "" when no scenario runs); the random simulator's caller speaks otherwise.</extracomment>
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
        <source>No protocol card for this category.</source>
        <translation>No protocol card for this category.</translation>
    </message>
    <message>
        <source>No duplicate is suggested for this call.</source>
        <translation>No duplicate is suggested for this call.</translation>
    </message>
    <message>
        <source>Call from %1 attached to %2; its own incident was cancelled as a duplicate.</source>
        <translation>Call from %1 attached to %2; its own incident was cancelled as a duplicate.</translation>
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
        <source>Open a closed incident first (Enter on its call).</source>
        <translation>Open a closed incident first (Enter on its call).</translation>
    </message>
    <message>
        <source>Incident %1 reopened.</source>
        <translation>Incident %1 reopened.</translation>
    </message>
    <message>
        <source>Incident %1 closed: %2.</source>
        <translation>Incident %1 closed: %2.</translation>
    </message>
    <message>
        <source>No unit is recommended.</source>
        <translation>No unit is recommended.</translation>
    </message>
    <message>
        <source>Dispatched: %1</source>
        <translation>Dispatched: %1</translation>
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
        <source>Only a supervisor can override a unit's status.</source>
        <translation>Only a supervisor can override a unit's status.</translation>
    </message>
    <message>
        <source>Override %1 (now %2) to:</source>
        <translation>Override %1 (now %2) to:</translation>
    </message>
    <message>
        <source>%1 is now %2 (override recorded).</source>
        <translation>%1 is now %2 (override recorded).</translation>
    </message>
    <message>
        <source>Set %1 to %2 outside the normal order?</source>
        <translation>Set %1 to %2 outside the normal order?</translation>
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
    <message>
        <source>Your role (%1) cannot do this: %2.</source>
        <translation>Your role (%1) cannot do this: %2.</translation>
    </message>
    <message>
        <source>%1 still out on %2: close anyway? They are released and become available.</source>
        <translation>%1 still out on %2: close anyway? They are released and become available.</translation>
    </message>
    <message>
        <source>Close and release them</source>
        <translation>Close and release them</translation>
    </message>
    <message>
        <source>Select a unit on the unit board first (Ctrl+3).</source>
        <translation>Select a unit on the unit board first (Ctrl+3).</translation>
    </message>
    <message>
        <source>Select an assigned unit first (F6, then Tab), or a unit on the board (Ctrl+3).</source>
        <translation>Select an assigned unit first (F6, then Tab), or a unit on the board (Ctrl+3).</translation>
    </message>
    <message>
        <source>%1 has finished on this incident; choose it on the unit board (Ctrl+3).</source>
        <translation>%1 has finished on this incident; choose it on the unit board (Ctrl+3).</translation>
    </message>
    <message>
        <source>%1 is %2: choose its status with Shift+F7.</source>
        <translation>%1 is %2: choose its status with Shift+F7.</translation>
    </message>
    <message>
        <source>%1 is %2: no status follows from there.</source>
        <translation>%1 is %2: no status follows from there.</translation>
    </message>
    <message>
        <source>This console is one of a centre's: the centre's gateway runs the feeds, this console runs none. Not run here: %1.

Run them in the gateway: dispatch-console gateway --db URL --feed URL (docs/gateway.md).</source>
        <translation>This console is one of a centre's: the centre's gateway runs the feeds, this console runs none. Not run here: %1.

Run them in the gateway: dispatch-console gateway --db URL --feed URL (docs/gateway.md).</translation>
    </message>
    <message>
        <source>Feeds run by the gateway</source>
        <translation>Feeds run by the gateway</translation>
    </message>
</context>
<context>
    <name>MapWork</name>
    <message>
        <source>Map tiles not shown: %1 cannot be used (%2).</source>
        <translation>Map tiles not shown: %1 cannot be used (%2).</translation>
    </message>
    <message>
        <source>The villages could not be read: %1</source>
        <translation>The villages could not be read: %1</translation>
    </message>
    <message>
        <source>No village names: the centre's area is not set (Console, Settings).</source>
        <translation>No village names: the centre's area is not set (Console, Settings).</translation>
    </message>
    <message>
        <source>no category yet</source>
        <translation>no category yet</translation>
    </message>
    <message>
        <source>no address yet</source>
        <translation>no address yet</translation>
    </message>
    <message>
        <source>%1 %2, %3: %4 (Enter opens it)</source>
        <translation>%1 %2, %3: %4 (Enter opens it)</translation>
    </message>
</context>
<context>
    <name>MonthlyReport</name>
    <message>
        <source>Monthly report of the 112 call centre</source>
        <translation>Monthly report of the 112 call centre</translation>
    </message>
    <message>
        <source>January</source>
        <translation>January</translation>
    </message>
    <message>
        <source>February</source>
        <translation>February</translation>
    </message>
    <message>
        <source>March</source>
        <translation>March</translation>
    </message>
    <message>
        <source>April</source>
        <translation>April</translation>
    </message>
    <message>
        <source>May</source>
        <translation>May</translation>
    </message>
    <message>
        <source>June</source>
        <translation>June</translation>
    </message>
    <message>
        <source>July</source>
        <translation>July</translation>
    </message>
    <message>
        <source>August</source>
        <translation>August</translation>
    </message>
    <message>
        <source>September</source>
        <translation>September</translation>
    </message>
    <message>
        <source>October</source>
        <translation>October</translation>
    </message>
    <message>
        <source>November</source>
        <translation>November</translation>
    </message>
    <message>
        <source>December</source>
        <translation>December</translation>
    </message>
    <message>
        <source>Figures of the month</source>
        <translation>Figures of the month</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>no data</translation>
    </message>
    <message>
        <source>All calls</source>
        <translation>All calls</translation>
    </message>
    <message>
        <source>Prank and silent calls (share of all calls)</source>
        <translation>Prank and silent calls (share of all calls)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>Incidents</translation>
    </message>
    <message>
        <source>Withdrawn (opened at answer, not an emergency)</source>
        <translation>Withdrawn (opened at answer, not an emergency)</translation>
    </message>
    <message>
        <source>Calls and incidents</source>
        <translation>Calls and incidents</translation>
    </message>
    <message>
        <source>Previous month</source>
        <translation>Previous month</translation>
    </message>
    <message>
        <source>A year before</source>
        <translation>A year before</translation>
    </message>
    <message>
        <source>Incidents by category</source>
        <translation>Incidents by category</translation>
    </message>
    <message>
        <source>No incidents in the month.</source>
        <translation>No incidents in the month.</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Share</translation>
    </message>
    <message>
        <source>Incidents by kecamatan</source>
        <translation>Incidents by kecamatan</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Kecamatan</source>
        <translation>Kecamatan</translation>
    </message>
    <message>
        <source>Kabupaten / kota</source>
        <translation>Kabupaten / kota</translation>
    </message>
    <message>
        <source>No area given</source>
        <translation>No area given</translation>
    </message>
    <message>
        <source>Day by day (service level: answered within %1)</source>
        <translation>Day by day (service level: answered within %1)</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Day</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Calls</translation>
    </message>
    <message>
        <source>Emergency</source>
        <translation>Emergency</translation>
    </message>
    <message>
        <source>Prank, silent</source>
        <translation>Prank, silent</translation>
    </message>
    <message>
        <source>Abandoned</source>
        <translation>Abandoned</translation>
    </message>
    <message>
        <source>Service level</source>
        <translation>Service level</translation>
    </message>
</context>
<context>
    <name>OpenDataReport</name>
    <message>
        <source>Open data: 112 calls and incidents per month</source>
        <extracomment>The cells of a row in the order of the CSV's columns.</extracomment>
        <translation>Open data: 112 calls and incidents per month</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 to %2</translation>
    </message>
    <message>
        <source>About the data</source>
        <translation>About the data</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Publisher</source>
        <translation>Publisher</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Licence</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Rows</translation>
    </message>
    <message>
        <source>Suppressed counts</source>
        <translation>Suppressed counts</translation>
    </message>
    <message>
        <source>Small counts suppressed</source>
        <translation>Small counts suppressed</translation>
    </message>
    <message>
        <source>suppressed</source>
        <translation>suppressed</translation>
    </message>
    <message>
        <source>Calls by month and class</source>
        <translation>Calls by month and class</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Class</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Calls</translation>
    </message>
    <message>
        <source>not given</source>
        <translation>not given</translation>
    </message>
    <message>
        <source>Incidents by month, category and kecamatan</source>
        <translation>Incidents by month, category and kecamatan</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Kecamatan</source>
        <translation>Kecamatan</translation>
    </message>
    <message>
        <source>Kabupaten / kota</source>
        <translation>Kabupaten / kota</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>Incidents</translation>
    </message>
</context>
<context>
    <name>OverrideReasonDialog</name>
    <message>
        <source>Override the unit's status</source>
        <translation>Override the unit's status</translation>
    </message>
    <message>
        <source>&amp;Reason (recorded in the audit log):</source>
        <translation>&amp;Reason (recorded in the audit log):</translation>
    </message>
    <message>
        <source>Write why the status is overridden.</source>
        <translation>Write why the status is overridden.</translation>
    </message>
</context>
<context>
    <name>ProtocolCard</name>
    <message>
        <source>Protocol card (Ctrl+P)</source>
        <extracomment>The keys that ask a training caller the current question (as ``key_name`` names them).</extracomment>
        <translation>Protocol card (Ctrl+P)</translation>
    </message>
    <message>
        <source>Choose a category to see its questions.</source>
        <translation>Choose a category to see its questions.</translation>
    </message>
    <message>
        <source>No protocol card for this category.</source>
        <translation>No protocol card for this category.</translation>
    </message>
    <message>
        <source>No incident open.</source>
        <translation>No incident open.</translation>
    </message>
    <message>
        <source>%1: ↑/↓ choose a question; an answer's digit answers it.</source>
        <translation>%1: ↑/↓ choose a question; an answer's digit answers it.</translation>
    </message>
    <message>
        <source>Training: Enter asks the caller the question.</source>
        <translation>Training: Enter asks the caller the question.</translation>
    </message>
    <message>
        <source>%1 is not an answer to this question: press %2 (↑/↓ choose another question).</source>
        <translation>%1 is not an answer to this question: press %2 (↑/↓ choose another question).</translation>
    </message>
    <message>
        <source>The caller: %1</source>
        <translation>The caller: %1</translation>
    </message>
    <message>
        <source>answer: %1</source>
        <translation>answer: %1</translation>
    </message>
    <message>
        <source>not asked yet</source>
        <translation>not asked yet</translation>
    </message>
</context>
<context>
    <name>Refusal</name>
    <message>
        <source>Feed not understood</source>
        <extracomment>``--scenario`` names no scenario, or a file that is not one (its message names the line).</extracomment>
        <translation>Feed not understood</translation>
    </message>
    <message>
        <source>Database refused</source>
        <translation>Database refused</translation>
    </message>
    <message>
        <source>The console could not start</source>
        <translation>The console could not start</translation>
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
        <source>This is a live database and the console is starting in training mode. Training never touches live data: start without --simulator (with the centre's feeds), or use the training database.</source>
        <translation>This is a live database and the console is starting in training mode. Training never touches live data: start without --simulator (with the centre's feeds), or use the training database.</translation>
    </message>
    <message>
        <source>This is a training database and the console is starting live (feeds configured or --live). Calls of a live centre are never mixed with exercises: use the live database, or start with --simulator.</source>
        <translation>This is a training database and the console is starting live (feeds configured or --live). Calls of a live centre are never mixed with exercises: use the live database, or start with --simulator.</translation>
    </message>
    <message>
        <source>Upgrading this database failed. It is left at the version it had before the failing step and will be upgraded again at the next start; the copy taken before is named below.</source>
        <translation>Upgrading this database failed. It is left at the version it had before the failing step and will be upgraded again at the next start; the copy taken before is named below.</translation>
    </message>
    <message>
        <source>This database must first be upgraded for this version of the console, and the console's own database account may not do that. Ask your installer to run the command below with the database owner's account.</source>
        <translation>This database must first be upgraded for this version of the console, and the console's own database account may not do that. Ask your installer to run the command below with the database owner's account.</translation>
    </message>
    <message>
        <source>The console did not change the file.</source>
        <translation>The console did not change the file.</translation>
    </message>
    <message>
        <source>It does not begin as an SQLite database file does.</source>
        <translation>It does not begin as an SQLite database file does.</translation>
    </message>
    <message>
        <source>It is a link to a file that does not exist.</source>
        <translation>It is a link to a file that does not exist.</translation>
    </message>
    <message>
        <source>It is a folder, not a file.</source>
        <translation>It is a folder, not a file.</translation>
    </message>
    <message>
        <source>It is not an ordinary file.</source>
        <translation>It is not an ordinary file.</translation>
    </message>
    <message>
        <source>Its first page is cut short.</source>
        <translation>Its first page is cut short.</translation>
    </message>
    <message>
        <source>The file is shorter than its first page says: part of it is missing.</source>
        <translation>The file is shorter than its first page says: part of it is missing.</translation>
    </message>
    <message>
        <source>Database version: %1.</source>
        <translation>Database version: %1.</translation>
    </message>
    <message>
        <source>Tables found: %1.</source>
        <translation>Tables found: %1.</translation>
    </message>
    <message>
        <source>The system's message, for the installer: %1</source>
        <translation>The system's message, for the installer: %1</translation>
    </message>
    <message>
        <source>Its first page gives an impossible page size (%1).</source>
        <translation>Its first page gives an impossible page size (%1).</translation>
    </message>
    <message>
        <source>Its application mark %1 is another program's.</source>
        <translation>Its application mark %1 is another program's.</translation>
    </message>
    <message>
        <source>Version %1, but without this console's mark.</source>
        <translation>Version %1, but without this console's mark.</translation>
    </message>
    <message>
        <source>Version %1 carries a mark that version never had.</source>
        <translation>Version %1 carries a mark that version never had.</translation>
    </message>
    <message>
        <source>Version %1, but its tables differ: %2.</source>
        <translation>Version %1, but its tables differ: %2.</translation>
    </message>
    <message>
        <source>Version %1; tables: %2.</source>
        <translation>Version %1; tables: %2.</translation>
    </message>
    <message>
        <source>Left at version %1. The system's message: %2
Copy taken before: %3</source>
        <translation>Left at version %1. The system's message: %2
Copy taken before: %3</translation>
    </message>
    <message>
        <source>Left at version %1. The system's message: %2</source>
        <translation>Left at version %1. The system's message: %2</translation>
    </message>
    <message>
        <source>Database version %1; this console needs %2. Command: %3</source>
        <translation>Database version %1; this console needs %2. Command: %3</translation>
    </message>
    <message>
        <source>The console could not start. Tell your supervisor or installer what it says below.</source>
        <translation>The console could not start. Tell your supervisor or installer what it says below.</translation>
    </message>
</context>
<context>
    <name>ReportCsv</name>
    <message>
        <source>Data format</source>
        <translation>Data format</translation>
    </message>
    <message>
        <source>State of the report</source>
        <translation>State of the report</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Users</translation>
    </message>
    <message>
        <source>Staff on duty</source>
        <translation>Staff on duty</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Calls</translation>
    </message>
    <message>
        <source>Incidents still open</source>
        <translation>Incidents still open</translation>
    </message>
    <message>
        <source>Units out of service</source>
        <translation>Units out of service</translation>
    </message>
    <message>
        <source>Callbacks still open</source>
        <translation>Callbacks still open</translation>
    </message>
    <message>
        <source>Numbers flagged</source>
        <translation>Numbers flagged</translation>
    </message>
    <message>
        <source>Feed outages</source>
        <translation>Feed outages</translation>
    </message>
    <message>
        <source>Alerts not acknowledged</source>
        <translation>Alerts not acknowledged</translation>
    </message>
    <message>
        <source>Planned events</source>
        <translation>Planned events</translation>
    </message>
    <message>
        <source>Pass-down instructions</source>
        <translation>Pass-down instructions</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>Figures</translation>
    </message>
    <message>
        <source>Signatures</source>
        <translation>Signatures</translation>
    </message>
    <message>
        <source>Addenda</source>
        <translation>Addenda</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>Previous month</source>
        <translation>Previous month</translation>
    </message>
    <message>
        <source>Same month a year before</source>
        <translation>Same month a year before</translation>
    </message>
    <message>
        <source>By category</source>
        <translation>By category</translation>
    </message>
    <message>
        <source>By kecamatan</source>
        <translation>By kecamatan</translation>
    </message>
    <message>
        <source>Day by day</source>
        <translation>Day by day</translation>
    </message>
    <message>
        <source>Calls offered</source>
        <translation>Calls offered</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Answered</translation>
    </message>
    <message>
        <source>Abandoned</source>
        <translation>Abandoned</translation>
    </message>
    <message>
        <source>Still ringing (in no figure)</source>
        <translation>Still ringing (in no figure)</translation>
    </message>
    <message>
        <source>Abandonment rate (0 to 1)</source>
        <translation>Abandonment rate (0 to 1)</translation>
    </message>
    <message>
        <source>Answer time</source>
        <translation>Answer time</translation>
    </message>
    <message>
        <source>Call processing</source>
        <translation>Call processing</translation>
    </message>
    <message>
        <source>Turnout</source>
        <translation>Turnout</translation>
    </message>
    <message>
        <source>Travel</source>
        <translation>Travel</translation>
    </message>
    <message>
        <source>Time on scene</source>
        <translation>Time on scene</translation>
    </message>
    <message>
        <source>Longest ring</source>
        <translation>Longest ring</translation>
    </message>
    <message>
        <source>Service level per interval</source>
        <translation>Service level per interval</translation>
    </message>
    <message>
        <source>Calls by class</source>
        <translation>Calls by class</translation>
    </message>
    <message>
        <source>Per call-taker</source>
        <translation>Per call-taker</translation>
    </message>
    <message>
        <source>Per agency</source>
        <translation>Per agency</translation>
    </message>
    <message>
        <source>Service level limit (seconds)</source>
        <translation>Service level limit (seconds)</translation>
    </message>
    <message>
        <source>Interval (minutes)</source>
        <translation>Interval (minutes)</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Count</translation>
    </message>
    <message>
        <source>Mean (seconds)</source>
        <translation>Mean (seconds)</translation>
    </message>
    <message>
        <source>Shortest (seconds)</source>
        <translation>Shortest (seconds)</translation>
    </message>
    <message>
        <source>Longest (seconds)</source>
        <translation>Longest (seconds)</translation>
    </message>
    <message>
        <source>p50 (seconds)</source>
        <translation>p50 (seconds)</translation>
    </message>
    <message>
        <source>p90 (seconds)</source>
        <translation>p90 (seconds)</translation>
    </message>
    <message>
        <source>p95 (seconds)</source>
        <translation>p95 (seconds)</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>Limit (seconds)</source>
        <translation>Limit (seconds)</translation>
    </message>
    <message>
        <source>Target share (0 to 1)</source>
        <translation>Target share (0 to 1)</translation>
    </message>
    <message>
        <source>Within the limit</source>
        <translation>Within the limit</translation>
    </message>
    <message>
        <source>Share within (0 to 1)</source>
        <translation>Share within (0 to 1)</translation>
    </message>
    <message>
        <source>Target met</source>
        <translation>Target met</translation>
    </message>
    <message>
        <source>Answered within the limit</source>
        <translation>Answered within the limit</translation>
    </message>
    <message>
        <source>Service level (0 to 1)</source>
        <translation>Service level (0 to 1)</translation>
    </message>
    <message>
        <source>Seconds</source>
        <translation>Seconds</translation>
    </message>
    <message>
        <source>Assignments</source>
        <translation>Assignments</translation>
    </message>
    <message>
        <source>Forwarding to agencies</source>
        <translation>Forwarding to agencies</translation>
    </message>
    <message>
        <source>Agency record</source>
        <translation>Agency record</translation>
    </message>
    <message>
        <source>Forwardings</source>
        <translation>Forwardings</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Answer to forwarding</source>
        <translation>Answer to forwarding</translation>
    </message>
    <message>
        <source>Forwarding to acknowledgement</source>
        <translation>Forwarding to acknowledgement</translation>
    </message>
    <message>
        <source>Forwarding to arrival reported</source>
        <translation>Forwarding to arrival reported</translation>
    </message>
    <message>
        <source>Never acknowledged</source>
        <translation>Never acknowledged</translation>
    </message>
    <message>
        <source>Never reported arrived</source>
        <translation>Never reported arrived</translation>
    </message>
    <message>
        <source>Forwardings to agencies still open</source>
        <translation>Forwardings to agencies still open</translation>
    </message>
    <message>
        <source>Forwarding record</source>
        <translation>Forwarding record</translation>
    </message>
    <message>
        <source>State of the forwarding</source>
        <translation>State of the forwarding</translation>
    </message>
    <message>
        <source>Forwarded</source>
        <translation>Forwarded</translation>
    </message>
    <message>
        <source>Acknowledgement limit (seconds)</source>
        <translation>Acknowledgement limit (seconds)</translation>
    </message>
    <message>
        <source>Acknowledgement due</source>
        <translation>Acknowledgement due</translation>
    </message>
    <message>
        <source>Over the limit (seconds)</source>
        <translation>Over the limit (seconds)</translation>
    </message>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Until</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Time zone</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>Shift</translation>
    </message>
    <message>
        <source>Shift number</source>
        <translation>Shift number</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Day</translation>
    </message>
    <message>
        <source>Planned start</source>
        <translation>Planned start</translation>
    </message>
    <message>
        <source>Planned end</source>
        <translation>Planned end</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Opened</translation>
    </message>
    <message>
        <source>Opened by</source>
        <translation>Opened by</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>Closed by</source>
        <translation>Closed by</translation>
    </message>
    <message>
        <source>Period end</source>
        <translation>Period end</translation>
    </message>
    <message>
        <source>State as at</source>
        <translation>State as at</translation>
    </message>
    <message>
        <source>Length (seconds)</source>
        <translation>Length (seconds)</translation>
    </message>
    <message>
        <source>User number</source>
        <translation>User number</translation>
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
        <source>Console</source>
        <translation>Console</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Started</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Ended</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Not classified</source>
        <translation>Not classified</translation>
    </message>
    <message>
        <source>Call class</source>
        <translation>Call class</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>Incidents</translation>
    </message>
    <message>
        <source>Withdrawn incidents</source>
        <translation>Withdrawn incidents</translation>
    </message>
    <message>
        <source>Prank and silent calls</source>
        <translation>Prank and silent calls</translation>
    </message>
    <message>
        <source>Prank and silent share (0 to 1)</source>
        <translation>Prank and silent share (0 to 1)</translation>
    </message>
    <message>
        <source>Incident record</source>
        <translation>Incident record</translation>
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
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Age (seconds)</source>
        <translation>Age (seconds)</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Units</translation>
    </message>
    <message>
        <source>Status since</source>
        <translation>Status since</translation>
    </message>
    <message>
        <source>Dispatched</source>
        <translation>Dispatched</translation>
    </message>
    <message>
        <source>Last note</source>
        <translation>Last note</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Written by</source>
        <translation>Written by</translation>
    </message>
    <message>
        <source>Call sign</source>
        <translation>Call sign</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>Agency</translation>
    </message>
    <message>
        <source>Previous status</source>
        <translation>Previous status</translation>
    </message>
    <message>
        <source>By</source>
        <translation>By</translation>
    </message>
    <message>
        <source>Override reason</source>
        <translation>Override reason</translation>
    </message>
    <message>
        <source>Callback record</source>
        <translation>Callback record</translation>
    </message>
    <message>
        <source>Call record</source>
        <translation>Call record</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Number shown</source>
        <translation>Number shown</translation>
    </message>
    <message>
        <source>Rang</source>
        <translation>Rang</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Attempts</translation>
    </message>
    <message>
        <source>Last attempt</source>
        <translation>Last attempt</translation>
    </message>
    <message>
        <source>Last attempt's outcome</source>
        <translation>Last attempt's outcome</translation>
    </message>
    <message>
        <source>Incident number</source>
        <translation>Incident number</translation>
    </message>
    <message>
        <source>Flag record</source>
        <translation>Flag record</translation>
    </message>
    <message>
        <source>Outage record</source>
        <translation>Outage record</translation>
    </message>
    <message>
        <source>Feed</source>
        <translation>Feed</translation>
    </message>
    <message>
        <source>In the period (seconds)</source>
        <translation>In the period (seconds)</translation>
    </message>
    <message>
        <source>Alert record</source>
        <translation>Alert record</translation>
    </message>
    <message>
        <source>About</source>
        <translation>About</translation>
    </message>
    <message>
        <source>About (record)</source>
        <translation>About (record)</translation>
    </message>
    <message>
        <source>Shown as</source>
        <translation>Shown as</translation>
    </message>
    <message>
        <source>Raised</source>
        <translation>Raised</translation>
    </message>
    <message>
        <source>Over by then</source>
        <translation>Over by then</translation>
    </message>
    <message>
        <source>Report record</source>
        <translation>Report record</translation>
    </message>
    <message>
        <source>Content fingerprint (SHA-256)</source>
        <translation>Content fingerprint (SHA-256)</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>Signed</translation>
    </message>
    <message>
        <source>Signed by</source>
        <translation>Signed by</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Acknowledged</translation>
    </message>
    <message>
        <source>Acknowledged by</source>
        <translation>Acknowledged by</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Kabupaten / kota</source>
        <translation>Kabupaten / kota</translation>
    </message>
</context>
<context>
    <name>ReportNumbers</name>
    <message>
        <source>%1 s</source>
        <extracomment>Between a number and its unit: a line never breaks there ("15" at the end of one line, "s" on the next). English separators to Indonesian ones: the group point and the decimal comma trade places.</extracomment>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
</context>
<context>
    <name>ReportWords</name>
    <message>
        <source>Not classified</source>
        <translation>Not classified</translation>
    </message>
    <message>
        <source>No category</source>
        <translation>No category</translation>
    </message>
    <message>
        <source>Call-taking</source>
        <translation>Call-taking</translation>
    </message>
    <message>
        <source>Dispatch</source>
        <translation>Dispatch</translation>
    </message>
    <message>
        <source>Supervision</source>
        <translation>Supervision</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Review</translation>
    </message>
    <message>
        <source>Call ringing too long</source>
        <translation>Call ringing too long</translation>
    </message>
    <message>
        <source>No unit dispatched in time</source>
        <translation>No unit dispatched in time</translation>
    </message>
    <message>
        <source>Dispatch not acknowledged in time</source>
        <translation>Dispatch not acknowledged in time</translation>
    </message>
    <message>
        <source>En route too long</source>
        <translation>En route too long</translation>
    </message>
    <message>
        <source>On scene without an update</source>
        <translation>On scene without an update</translation>
    </message>
    <message>
        <source>Database damaged</source>
        <translation>Database damaged</translation>
    </message>
</context>
<context>
    <name>Reports</name>
    <message>
        <source>Report not read: the database is busy.</source>
        <translation>Report not read: the database is busy.</translation>
    </message>
    <message>
        <source>No report to print yet.</source>
        <translation>No report to print yet.</translation>
    </message>
    <message>
        <source>No report to save yet.</source>
        <translation>No report to save yet.</translation>
    </message>
    <message>
        <source>Save %1 as:</source>
        <translation>Save %1 as:</translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>Save the report</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Not saved: %1</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>Saved: %1</translation>
    </message>
</context>
<context>
    <name>RosterDialog</name>
    <message>
        <source>Required.</source>
        <translation>Required.</translation>
    </message>
    <message>
        <source>Too long.</source>
        <translation>Too long.</translation>
    </message>
    <message>
        <source>Contains control characters.</source>
        <translation>Contains control characters.</translation>
    </message>
    <message>
        <source>Unknown agency type.</source>
        <translation>Unknown agency type.</translation>
    </message>
    <message>
        <source>Not a decimal number (e.g. -6.9893).</source>
        <translation>Not a decimal number (e.g. -6.9893).</translation>
    </message>
    <message>
        <source>Out of range (latitude -90..90, longitude -180..180).</source>
        <translation>Out of range (latitude -90..90, longitude -180..180).</translation>
    </message>
    <message>
        <source>Give both latitude and longitude, or neither.</source>
        <translation>Give both latitude and longitude, or neither.</translation>
    </message>
    <message>
        <source>Unknown capability.</source>
        <translation>Unknown capability.</translation>
    </message>
    <message>
        <source>Capability listed twice.</source>
        <translation>Capability listed twice.</translation>
    </message>
    <message>
        <source>Not a phone number.</source>
        <translation>Not a phone number.</translation>
    </message>
    <message>
        <source>Write yes or no.</source>
        <translation>Write yes or no.</translation>
    </message>
    <message>
        <source>Call sign used by an earlier row.</source>
        <translation>Call sign used by an earlier row.</translation>
    </message>
    <message>
        <source>The file is not UTF-8 text (save as 'CSV UTF-8').</source>
        <translation>The file is not UTF-8 text (save as 'CSV UTF-8').</translation>
    </message>
    <message>
        <source>The file has no header row.</source>
        <translation>The file has no header row.</translation>
    </message>
    <message>
        <source>A required column is missing.</source>
        <translation>A required column is missing.</translation>
    </message>
    <message>
        <source>Unknown column.</source>
        <translation>Unknown column.</translation>
    </message>
    <message>
        <source>Column named twice.</source>
        <translation>Column named twice.</translation>
    </message>
    <message>
        <source>More cells than the header has columns.</source>
        <translation>More cells than the header has columns.</translation>
    </message>
    <message>
        <source>Not valid CSV (an unclosed quote?).</source>
        <translation>Not valid CSV (an unclosed quote?).</translation>
    </message>
    <message>
        <source>Too many rows.</source>
        <translation>Too many rows.</translation>
    </message>
    <message>
        <source>Line %1</source>
        <translation>Line %1</translation>
    </message>
    <message>
        <source>Unit roster</source>
        <translation>Unit roster</translation>
    </message>
    <message>
        <source>Filter: call sign, agency, station…</source>
        <translation>Filter: call sign, agency, station…</translation>
    </message>
    <message>
        <source>&amp;Filter</source>
        <translation>&amp;Filter</translation>
    </message>
    <message>
        <source>Read only: only a supervisor edits the roster.</source>
        <translation>Read only: only a supervisor edits the roster.</translation>
    </message>
    <message>
        <source>Call sign</source>
        <translation>Call sign</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>Agency</translation>
    </message>
    <message>
        <source>Agency name</source>
        <translation>Agency name</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>Station</translation>
    </message>
    <message>
        <source>Capabilities</source>
        <translation>Capabilities</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>&amp;Call sign</source>
        <translation>&amp;Call sign</translation>
    </message>
    <message>
        <source>Agency &amp;name</source>
        <translation>Agency &amp;name</translation>
    </message>
    <message>
        <source>S&amp;tation</source>
        <translation>S&amp;tation</translation>
    </message>
    <message>
        <source>&amp;Latitude</source>
        <translation>&amp;Latitude</translation>
    </message>
    <message>
        <source>L&amp;ongitude</source>
        <translation>L&amp;ongitude</translation>
    </message>
    <message>
        <source>&amp;Radio channel</source>
        <translation>&amp;Radio channel</translation>
    </message>
    <message>
        <source>P&amp;hone</source>
        <translation>P&amp;hone</translation>
    </message>
    <message>
        <source>&amp;Agency type</source>
        <translation>&amp;Agency type</translation>
    </message>
    <message>
        <source>Ca&amp;pabilities (Space ticks)</source>
        <translation>Ca&amp;pabilities (Space ticks)</translation>
    </message>
    <message>
        <source>Ne&amp;w unit</source>
        <translation>Ne&amp;w unit</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>&amp;Deactivate</source>
        <translation>&amp;Deactivate</translation>
    </message>
    <message>
        <source>&amp;Import CSV…</source>
        <translation>&amp;Import CSV…</translation>
    </message>
    <message>
        <source>Appl&amp;y import</source>
        <translation>Appl&amp;y import</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>&amp;Export CSV…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>no (deactivated)</source>
        <translation>no (deactivated)</translation>
    </message>
    <message>
        <source>Re&amp;activate</source>
        <translation>Re&amp;activate</translation>
    </message>
    <message>
        <source>Not saved: correct the fields marked.</source>
        <translation>Not saved: correct the fields marked.</translation>
    </message>
    <message>
        <source>Unit %1 added.</source>
        <translation>Unit %1 added.</translation>
    </message>
    <message>
        <source>Unit %1 saved.</source>
        <translation>Unit %1 saved.</translation>
    </message>
    <message>
        <source>%1 is back on the roster.</source>
        <translation>%1 is back on the roster.</translation>
    </message>
    <message>
        <source>%1 is deactivated (kept on record).</source>
        <translation>%1 is deactivated (kept on record).</translation>
    </message>
    <message>
        <source>Import units from CSV</source>
        <translation>Import units from CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV files (*.csv);;All files (*)</translation>
    </message>
    <message>
        <source>Cannot read the file: %1</source>
        <translation>Cannot read the file: %1</translation>
    </message>
    <message>
        <source>Nothing imported: the file is not a roster.</source>
        <translation>Nothing imported: the file is not a roster.</translation>
    </message>
    <message>
        <source>%1: %2 units to add, %3 to update, %4 unchanged, %5 rows rejected.</source>
        <translation>%1: %2 units to add, %3 to update, %4 unchanged, %5 rows rejected.</translation>
    </message>
    <message>
        <source>Alt+Y applies the import; rejected rows are left out.</source>
        <translation>Alt+Y applies the import; rejected rows are left out.</translation>
    </message>
    <message>
        <source>Imported: %1 added, %2 updated, %3 unchanged, %4 rows rejected.</source>
        <translation>Imported: %1 added, %2 updated, %3 unchanged, %4 rows rejected.</translation>
    </message>
    <message>
        <source>Nothing imported</source>
        <translation>Nothing imported</translation>
    </message>
    <message>
        <source>Export units to CSV</source>
        <translation>Export units to CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>Not exported: %1</source>
        <translation>Not exported: %1</translation>
    </message>
    <message>
        <source>%1 units exported to %2.</source>
        <translation>%1 units exported to %2.</translation>
    </message>
</context>
<context>
    <name>ScenarioCommand</name>
    <message>
        <source>OK {id}: {title} ({calls} calls, {surge} surge callers)</source>
        <translation>OK {id}: {title} ({calls} calls, {surge} surge callers)</translation>
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
        <source>e.g. 33.74 (Kota Semarang)</source>
        <translation>e.g. 33.74 (Kota Semarang)</translation>
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
        <source>Time &amp;zone</source>
        <translation>Time &amp;zone</translation>
    </message>
    <message>
        <source>Spee&amp;d for unit ETA (straight line)</source>
        <translation>Spee&amp;d for unit ETA (straight line)</translation>
    </message>
    <message>
        <source>Feeds, timer limits, the shifts and the centre's area are shown read-only: only a supervisor or an administrator can change them.</source>
        <translation>Feeds, timer limits, the shifts and the centre's area are shown read-only: only a supervisor or an administrator can change them.</translation>
    </message>
    <message>
        <source>&amp;Simulated calls per minute</source>
        <translation>&amp;Simulated calls per minute</translation>
    </message>
    <message>
        <source>When the first shift of the day starts</source>
        <extracomment>Indonesia's three time zones, by their IANA names.</extracomment>
        <translation>When the first shift of the day starts</translation>
    </message>
    <message>
        <source>first shift from</source>
        <translation>first shift from</translation>
    </message>
    <message>
        <source>As saved: %1</source>
        <translation>As saved: %1</translation>
    </message>
    <message>
        <source>Not a usable map tile file: %1.</source>
        <translation>Not a usable map tile file: %1.</translation>
    </message>
    <message>
        <source>Map tiles: %1, zoom levels %2 to %3.</source>
        <translation>Map tiles: %1, zoom levels %2 to %3.</translation>
    </message>
    <message>
        <source>none: the map is drawn from the village points</source>
        <translation>none: the map is drawn from the village points</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <source>Map tile file (MBTiles)</source>
        <translation>Map tile file (MBTiles)</translation>
    </message>
    <message>
        <source>MBTiles files (*.mbtiles);;All files (*)</source>
        <translation>MBTiles files (*.mbtiles);;All files (*)</translation>
    </message>
    <message>
        <source>Repeat &amp;prank caller: prank calls in 24 h, this one included</source>
        <translation>Repeat &amp;prank caller: prank calls in 24 h, this one included</translation>
    </message>
    <message>
        <source>Centre's own a&amp;rea code (first in Find area)</source>
        <translation>Centre's own a&amp;rea code (first in Find area)</translation>
    </message>
    <message>
        <source>S&amp;hifts of the centre</source>
        <translation>S&amp;hifts of the centre</translation>
    </message>
    <message>
        <source>Map t&amp;iles (MBTiles file)</source>
        <translation>Map t&amp;iles (MBTiles file)</translation>
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
        <source>e.g. PJSIP/201</source>
        <translation>e.g. PJSIP/201</translation>
    </message>
    <message>
        <source>Your telephone e&amp;xtension (rings first when dialling an agency)</source>
        <translation>Your telephone e&amp;xtension (rings first when dialling an agency)</translation>
    </message>
    <message>
        <source>PBX dial c&amp;ontext for agencies' numbers</source>
        <translation>PBX dial c&amp;ontext for agencies' numbers</translation>
    </message>
    <message>
        <source>Not a telephone channel: write it as the PBX names it, e.g. PJSIP/201.</source>
        <translation>Not a telephone channel: write it as the PBX names it, e.g. PJSIP/201.</translation>
    </message>
    <message>
        <source>Give the PBX's dial context, e.g. from-internal.</source>
        <translation>Give the PBX's dial context, e.g. from-internal.</translation>
    </message>
    <message>
        <source>A dial context has letters, digits, '-', '_' and '.' only, e.g. from-internal.</source>
        <translation>A dial context has letters, digits, '-', '_' and '.' only, e.g. from-internal.</translation>
    </message>
    <message>
        <source>Saved when you press Save: the console speaks %1 from its next start (unless started with --lang).</source>
        <translation>Saved when you press Save: the console speaks %1 from its next start (unless started with --lang).</translation>
    </message>
    <message>
        <source>This run speaks %1 (--lang); %2 stays saved for other starts.</source>
        <translation>This run speaks %1 (--lang); %2 stays saved for other starts.</translation>
    </message>
    <message>
        <source>Give this console a name, e.g. KONSOL-01.</source>
        <translation>Give this console a name, e.g. KONSOL-01.</translation>
    </message>
    <message>
        <source>Not a known area code: use e.g. 33.74 for Kota Semarang.</source>
        <translation>Not a known area code: use e.g. 33.74 for Kota Semarang.</translation>
    </message>
</context>
<context>
    <name>ShiftLog</name>
    <message>
        <source>not yet classified</source>
        <extracomment>Typing waits this long for the next key before the log is searched (a search takes ~10-100 ms). Calls shown at most (the newest); the count says when there are more.</extracomment>
        <translation>not yet classified</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Class</translation>
    </message>
    <message>
        <source>Answered by</source>
        <translation>Answered by</translation>
    </message>
    <message>
        <source>Incident</source>
        <translation>Incident</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priority</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Note found</source>
        <translation>Note found</translation>
    </message>
    <message>
        <source>Any shift</source>
        <translation>Any shift</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>Anyone</translation>
    </message>
    <message>
        <source>Any class</source>
        <translation>Any class</translation>
    </message>
    <message>
        <source>Any category</source>
        <translation>Any category</translation>
    </message>
    <message>
        <source>Shift log not read: the database is busy.</source>
        <translation>Shift log not read: the database is busy.</translation>
    </message>
    <message>
        <source>✘ Type the times as 2026-11-27 07:00 (local time).</source>
        <translation>✘ Type the times as 2026-11-27 07:00 (local time).</translation>
    </message>
    <message>
        <source>The newest %1 calls found, newest first: narrow the filters to see older ones.</source>
        <translation>The newest %1 calls found, newest first: narrow the filters to see older ones.</translation>
    </message>
    <message>
        <source>the database is busy; type again to retry.</source>
        <translation>the database is busy; type again to retry.</translation>
    </message>
    <message>
        <source>✘ Not searched: %1</source>
        <translation>✘ Not searched: %1</translation>
    </message>
    <message>
        <source>This call has no incident: %1, %2.</source>
        <translation>This call has no incident: %1, %2.</translation>
    </message>
    <message>
        <source>Timeline not read: the database is busy.</source>
        <translation>Timeline not read: the database is busy.</translation>
    </message>
    <message>
        <source>Timeline of incident %1 (%2 entries)</source>
        <translation>Timeline of incident %1 (%2 entries)</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 to %2</translation>
    </message>
    <message>
        <source>Choose a shift, or type both ends of a period, in the shift log (Ctrl+6) first.</source>
        <translation>Choose a shift, or type both ends of a period, in the shift log (Ctrl+6) first.</translation>
    </message>
    <message>
        <source>Review not read: the database is busy.</source>
        <translation>Review not read: the database is busy.</translation>
    </message>
    <message>
        <source>Average score %1.</source>
        <translation>Average score %1.</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>not yet</translation>
    </message>
    <message>
        <source>✘ Incidents closed without narrative: %1</source>
        <translation>✘ Incidents closed without narrative: %1</translation>
    </message>
    <message>
        <source>✔ Every incident closed in the period has a narrative.</source>
        <translation>✔ Every incident closed in the period has a narrative.</translation>
    </message>
    <message>
        <source>Calls found: %1, newest first. Enter on a call shows its incident's timeline.</source>
        <translation>Calls found: %1, newest first. Enter on a call shows its incident's timeline.</translation>
    </message>
    <message>
        <source>%1: drawn %2, reviewed %3.</source>
        <translation>%1: drawn %2, reviewed %3.</translation>
    </message>
    <message>
        <source>Calls drawn for review from %2: %1.</source>
        <translation>Calls drawn for review from %2: %1.</translation>
    </message>
    <message>
        <source>Nothing more to draw from %2: its sample is complete.</source>
        <translation>Nothing more to draw from %2: its sample is complete.</translation>
    </message>
    <message>
        <source>Draw a sample, then Enter on a call opens its form.</source>
        <translation>Draw a sample, then Enter on a call opens its form.</translation>
    </message>
    <message>
        <source>Review of the call at %1 from %2, answered by %3</source>
        <translation>Review of the call at %1 from %2, answered by %3</translation>
    </message>
    <message>
        <source>(reviewed by %1: it cannot change)</source>
        <translation>(reviewed by %1: it cannot change)</translation>
    </message>
    <message>
        <source>(a digit answers the question; Enter in the comment saves)</source>
        <translation>(a digit answers the question; Enter in the comment saves)</translation>
    </message>
    <message>
        <source>%1 (%2 points)</source>
        <translation>%1 (%2 points)</translation>
    </message>
    <message>
        <source>Score: %1 / 100</source>
        <translation>Score: %1 / 100</translation>
    </message>
    <message>
        <source>Answered %1 of %2</source>
        <translation>Answered %1 of %2</translation>
    </message>
    <message>
        <source>%1 is not an answer here: press 1 to %2.</source>
        <translation>%1 is not an answer here: press 1 to %2.</translation>
    </message>
    <message>
        <source>Answer every question first: %1 of %2 answered.</source>
        <translation>Answer every question first: %1 of %2 answered.</translation>
    </message>
    <message>
        <source>Review saved: score %1 / 100.</source>
        <translation>Review saved: score %1 / 100.</translation>
    </message>
    <message>
        <source>Call rang</source>
        <translation>Call rang</translation>
    </message>
    <message>
        <source>Call answered</source>
        <translation>Call answered</translation>
    </message>
    <message>
        <source>Call ended</source>
        <translation>Call ended</translation>
    </message>
    <message>
        <source>%1 (corrects note %2)</source>
        <translation>%1 (corrects note %2)</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Note: %1</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>from %1</translation>
    </message>
    <message>
        <source>%1; overridden: %2</source>
        <translation>%1; overridden: %2</translation>
    </message>
    <message>
        <source>Alert raised</source>
        <translation>Alert raised</translation>
    </message>
    <message>
        <source>Alert acknowledged</source>
        <translation>Alert acknowledged</translation>
    </message>
    <message>
        <source>Alert cleared</source>
        <translation>Alert cleared</translation>
    </message>
    <message>
        <source>Callback queued</source>
        <translation>Callback queued</translation>
    </message>
    <message>
        <source>Callback attempt</source>
        <translation>Callback attempt</translation>
    </message>
    <message>
        <source>Callback closed</source>
        <translation>Callback closed</translation>
    </message>
    <message>
        <source>Audit: %1</source>
        <translation>Audit: %1</translation>
    </message>
</context>
<context>
    <name>ShiftLogView</name>
    <message>
        <source>YYYY-MM-DD HH:MM</source>
        <extracomment>Below this width the filters go two a row.</extracomment>
        <translation>YYYY-MM-DD HH:MM</translation>
    </message>
    <message>
        <source>digits of the caller's number</source>
        <translation>digits of the caller's number</translation>
    </message>
    <message>
        <source>e.g. 2026-000123</source>
        <translation>e.g. 2026-000123</translation>
    </message>
    <message>
        <source>words in the notes</source>
        <translation>words in the notes</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>Shift</translation>
    </message>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>To</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Answered by</source>
        <translation>Answered by</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Class</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Incident</source>
        <translation>Incident</translation>
    </message>
    <message>
        <source>Full text</source>
        <translation>Full text</translation>
    </message>
    <message>
        <source>Timeline: Enter on a row shows its incident's.</source>
        <translation>Timeline: Enter on a row shows its incident's.</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>By</source>
        <translation>By</translation>
    </message>
    <message>
        <source>Shift log (Ctrl+6)</source>
        <translation>Shift log (Ctrl+6)</translation>
    </message>
    <message>
        <source>Draw a sample of the period</source>
        <translation>Draw a sample of the period</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Question</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Answer</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Keys</translation>
    </message>
    <message>
        <source>Comment (Enter saves the review)</source>
        <translation>Comment (Enter saves the review)</translation>
    </message>
    <message>
        <source>Save review</source>
        <translation>Save review</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>Quality review (Ctrl+8)</source>
        <translation>Quality review (Ctrl+8)</translation>
    </message>
</context>
<context>
    <name>ShiftPanel</name>
    <message>
        <source>Shift shown:</source>
        <extracomment>The longest pass-down or planned-events text kept (a few screens of instructions).</extracomment>
        <translation>Shift shown:</translation>
    </message>
    <message>
        <source>Open shift (Ctrl+Shift+O)</source>
        <translation>Open shift (Ctrl+Shift+O)</translation>
    </message>
    <message>
        <source>Close shift (Ctrl+Shift+C)</source>
        <translation>Close shift (Ctrl+Shift+C)</translation>
    </message>
    <message>
        <source>Sign off (Ctrl+Shift+S)</source>
        <translation>Sign off (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <source>Acknowledge (Ctrl+Shift+T)</source>
        <translation>Acknowledge (Ctrl+Shift+T)</translation>
    </message>
    <message>
        <source>Print (Ctrl+Shift+P)</source>
        <translation>Print (Ctrl+Shift+P)</translation>
    </message>
    <message>
        <source>Save PDF/CSV/JSON (Ctrl+Shift+E)</source>
        <translation>Save PDF/CSV/JSON (Ctrl+Shift+E)</translation>
    </message>
    <message>
        <source>Addendum to the signed report (Enter saves it)</source>
        <translation>Addendum to the signed report (Enter saves it)</translation>
    </message>
    <message>
        <source>Addendum:</source>
        <translation>Addendum:</translation>
    </message>
    <message>
        <source>Handover report</source>
        <translation>Handover report</translation>
    </message>
    <message>
        <source>Pass-down instructions:</source>
        <translation>Pass-down instructions:</translation>
    </message>
    <message>
        <source>Planned events:</source>
        <translation>Planned events:</translation>
    </message>
    <message>
        <source>Saved when you leave a field (Tab) or press Ctrl+Enter.</source>
        <translation>Saved when you leave a field (Tab) or press Ctrl+Enter.</translation>
    </message>
    <message>
        <source>Pass-down</source>
        <translation>Pass-down</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Console</source>
        <translation>Console</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>From - to</source>
        <translation>From - to</translation>
    </message>
    <message>
        <source>Staff on duty</source>
        <translation>Staff on duty</translation>
    </message>
    <message>
        <source>No shift opened yet</source>
        <translation>No shift opened yet</translation>
    </message>
</context>
<context>
    <name>Shifts</name>
    <message>
        <source>%1 (open)</source>
        <translation>%1 (open)</translation>
    </message>
    <message>
        <source>Shift not read: the database is busy.</source>
        <extracomment>The shift on show (the open one unless another was picked), its signed report if any. The report's document as shown (draft or signed; ``dispatch.reports.export``), and its shift. A shift picked from the list; None follows the open shift (or the latest). The pass-down as last saved or read, to tell an edit from a refresh.</extracomment>
        <translation>Shift not read: the database is busy.</translation>
    </message>
    <message>
        <source>No shift has been opened yet.</source>
        <translation>No shift has been opened yet.</translation>
    </message>
    <message>
        <source>Ctrl+Shift+O opens the shift of the centre's pattern now.</source>
        <translation>Ctrl+Shift+O opens the shift of the centre's pattern now.</translation>
    </message>
    <message>
        <source>The report is signed: corrections are addenda (Ctrl+Shift+N).</source>
        <translation>The report is signed: corrections are addenda (Ctrl+Shift+N).</translation>
    </message>
    <message>
        <source>%1 shift, %2 to %3</source>
        <translation>%1 shift, %2 to %3</translation>
    </message>
    <message>
        <source>Opened %1 by %2</source>
        <translation>Opened %1 by %2</translation>
    </message>
    <message>
        <source>● Open. %1.</source>
        <translation>● Open. %1.</translation>
    </message>
    <message>
        <source>closed %1 by %2</source>
        <translation>closed %1 by %2</translation>
    </message>
    <message>
        <source>Closed. %1; %2.</source>
        <translation>Closed. %1; %2.</translation>
    </message>
    <message>
        <source>Handover report: draft (the shift is still open).</source>
        <translation>Handover report: draft (the shift is still open).</translation>
    </message>
    <message>
        <source>Handover report: draft, not signed. The outgoing lead signs it off (Ctrl+Shift+S).</source>
        <translation>Handover report: draft, not signed. The outgoing lead signs it off (Ctrl+Shift+S).</translation>
    </message>
    <message>
        <source>✔ Signed by %1 at %2.</source>
        <translation>✔ Signed by %1 at %2.</translation>
    </message>
    <message>
        <source>✔ Acknowledged by %1 at %2.</source>
        <translation>✔ Acknowledged by %1 at %2.</translation>
    </message>
    <message>
        <source>✘ Not acknowledged yet: the incoming lead acknowledges it (Ctrl+Shift+T).</source>
        <translation>✘ Not acknowledged yet: the incoming lead acknowledges it (Ctrl+Shift+T).</translation>
    </message>
    <message>
        <source>now</source>
        <translation>now</translation>
    </message>
    <message>
        <source>the database is busy.</source>
        <translation>the database is busy.</translation>
    </message>
    <message>
        <source>Handover report not read: %1</source>
        <translation>Handover report not read: %1</translation>
    </message>
    <message>
        <source>Opened: %1.</source>
        <translation>Opened: %1.</translation>
    </message>
    <message>
        <source>Close %1? Its handover report can then be signed.</source>
        <translation>Close %1? Its handover report can then be signed.</translation>
    </message>
    <message>
        <source>Close the shift</source>
        <translation>Close the shift</translation>
    </message>
    <message>
        <source>Closed: %1. The outgoing lead signs the handover off (Ctrl+Shift+S).</source>
        <translation>Closed: %1. The outgoing lead signs the handover off (Ctrl+Shift+S).</translation>
    </message>
    <message>
        <source>● Changed, not saved yet (Tab or Ctrl+Enter saves).</source>
        <translation>● Changed, not saved yet (Tab or Ctrl+Enter saves).</translation>
    </message>
    <message>
        <source>✘ Not saved: %1</source>
        <translation>✘ Not saved: %1</translation>
    </message>
    <message>
        <source>Pass-down not saved: %1</source>
        <translation>Pass-down not saved: %1</translation>
    </message>
    <message>
        <source>the database is busy; it is saved when you leave the field again.</source>
        <translation>the database is busy; it is saved when you leave the field again.</translation>
    </message>
    <message>
        <source>✔ Saved at %1.</source>
        <translation>✔ Saved at %1.</translation>
    </message>
    <message>
        <source>Sign off the handover report of %1? Once signed it never changes; corrections are addenda.</source>
        <translation>Sign off the handover report of %1? Once signed it never changes; corrections are addenda.</translation>
    </message>
    <message>
        <source>Sign off</source>
        <translation>Sign off</translation>
    </message>
    <message>
        <source>Handover report signed. The incoming lead acknowledges it.</source>
        <translation>Handover report signed. The incoming lead acknowledges it.</translation>
    </message>
    <message>
        <source>Acknowledge the handover report of %1 as the incoming lead (%2)?</source>
        <translation>Acknowledge the handover report of %1 as the incoming lead (%2)?</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>Acknowledge</translation>
    </message>
    <message>
        <source>Handover report acknowledged.</source>
        <translation>Handover report acknowledged.</translation>
    </message>
    <message>
        <source>Addendum added to the signed report.</source>
        <translation>Addendum added to the signed report.</translation>
    </message>
    <message>
        <source>the handover report of %1</source>
        <translation>the handover report of %1</translation>
    </message>
</context>
<context>
    <name>SituationMap</name>
    <message>
        <source>avail</source>
        <translation>avail</translation>
    </message>
    <message>
        <source>disp</source>
        <translation>disp</translation>
    </message>
    <message>
        <source>ack</source>
        <translation>ack</translation>
    </message>
    <message>
        <source>en route</source>
        <translation>en route</translation>
    </message>
    <message>
        <source>on scene</source>
        <translation>on scene</translation>
    </message>
    <message>
        <source>patient</source>
        <translation>patient</translation>
    </message>
    <message>
        <source>transport</source>
        <translation>transport</translation>
    </message>
    <message>
        <source>hospital</source>
        <translation>hospital</translation>
    </message>
    <message>
        <source>cleared</source>
        <translation>cleared</translation>
    </message>
    <message>
        <source>out</source>
        <translation>out</translation>
    </message>
    <message>
        <source>off duty</source>
        <translation>off duty</translation>
    </message>
    <message>
        <source>staging</source>
        <translation>staging</translation>
    </message>
    <message>
        <source>delayed</source>
        <translation>delayed</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>%1 · waiting</source>
        <translation>%1 · waiting</translation>
    </message>
    <message>
        <source>area centre, about ±%1</source>
        <translation>area centre, about ±%1</translation>
    </message>
    <message>
        <source>area centre</source>
        <translation>area centre</translation>
    </message>
    <message>
        <source>±%1</source>
        <translation>±%1</translation>
    </message>
    <message>
        <source>there is no such file</source>
        <translation>there is no such file</translation>
    </message>
    <message>
        <source>it is not an SQLite database</source>
        <translation>it is not an SQLite database</translation>
    </message>
    <message>
        <source>it is not an MBTiles file (no tiles table)</source>
        <translation>it is not an MBTiles file (no tiles table)</translation>
    </message>
    <message>
        <source>the file has no tiles</source>
        <translation>the file has no tiles</translation>
    </message>
    <message>
        <source>its tiles are %1; the map draws raster tiles (png or jpg)</source>
        <translation>its tiles are %1; the map draws raster tiles (png or jpg)</translation>
    </message>
    <message>
        <source>a tile in it is not a readable image</source>
        <translation>a tile in it is not a readable image</translation>
    </message>
    <message>
        <source>Situation map</source>
        <translation>Situation map</translation>
    </message>
    <message>
        <source>Scale: %1</source>
        <translation>Scale: %1</translation>
    </message>
</context>
<context>
    <name>TimerSettings</name>
    <message>
        <source>Call ringing longer than</source>
        <translation>Call ringing longer than</translation>
    </message>
    <message>
        <source>Incident answered, no unit dispatched after</source>
        <translation>Incident answered, no unit dispatched after</translation>
    </message>
    <message>
        <source>Unit dispatched, not acknowledged after</source>
        <translation>Unit dispatched, not acknowledged after</translation>
    </message>
    <message>
        <source>Unit en route longer than</source>
        <translation>Unit en route longer than</translation>
    </message>
    <message>
        <source>Unit on scene without an update for</source>
        <translation>Unit on scene without an update for</translation>
    </message>
    <message>
        <source>Timers and alerts (m:ss, or seconds)</source>
        <translation>Timers and alerts (m:ss, or seconds)</translation>
    </message>
    <message>
        <source>Sound when an alert is raised</source>
        <translation>Sound when an alert is raised</translation>
    </message>
    <message>
        <source>Write minutes:seconds (2:00) or seconds (120).</source>
        <translation>Write minutes:seconds (2:00) or seconds (120).</translation>
    </message>
    <message>
        <source>At least %1 seconds.</source>
        <translation>At least %1 seconds.</translation>
    </message>
    <message>
        <source>At most %1.</source>
        <translation>At most %1.</translation>
    </message>
</context>
<context>
    <name>TrainerPanel</name>
    <message>
        <source>Scenario</source>
        <extracomment>The longest line a trainer may type as the caller.</extracomment>
        <translation>Scenario</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Calls</translation>
    </message>
    <message>
        <source>Competencies</source>
        <translation>Competencies</translation>
    </message>
    <message>
        <source>Space marks a trainee</source>
        <translation>Space marks a trainee</translation>
    </message>
    <message>
        <source>Scenarios (Ctrl+9)</source>
        <translation>Scenarios (Ctrl+9)</translation>
    </message>
    <message>
        <source>Trainees (Space marks)</source>
        <translation>Trainees (Space marks)</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Pause / resume</source>
        <translation>Pause / resume</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>Speed</translation>
    </message>
    <message>
        <source>Ring a call now</source>
        <translation>Ring a call now</translation>
    </message>
    <message>
        <source>End and score</source>
        <translation>End and score</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Call</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Trainee</source>
        <translation>Trainee</translation>
    </message>
    <message>
        <source>Incident</source>
        <translation>Incident</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priority</translation>
    </message>
    <message>
        <source>Kelurahan</source>
        <translation>Kelurahan</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Units</translation>
    </message>
    <message>
        <source>Enter shows the call's incident in the form</source>
        <translation>Enter shows the call's incident in the form</translation>
    </message>
    <message>
        <source>Say as the caller of the selected call (Ctrl+Shift+K):</source>
        <translation>Say as the caller of the selected call (Ctrl+Shift+K):</translation>
    </message>
    <message>
        <source>Type the caller's words; Enter says them</source>
        <translation>Type the caller's words; Enter says them</translation>
    </message>
</context>
<context>
    <name>Training</name>
    <message>
        <source>A scenario is running: end it first (Ctrl+Shift+Z).</source>
        <extracomment>Seconds a trainer may hold a unit, by the one key that chooses it. The keys of the speeds (``PlayClock.SPEEDS``), in order. The most scripted calls offered at once to ring now (one key each). The standard most scenarios name their competencies by, left out of the narrow column (the whole names are in the scenario and its catalogue): "APCO ANS 3.103: interrogation" shows "interrogation". Scenarios read so far, by id (the shipped ones, and a file given with --scenario). The trainees chosen for the run loaded but not started (to tell a new choice from it). The call whose lines the caller's panel shows. The session the debrief shows, and the trainee (None: every trainee of it). Calls of the run whose caller was told they were answered (here or at another console). The callers of a run held by another console of the room (asked and dialled from here). Whether a call is one a scenario rang (it never changes once the call exists). Change notices came since the trainer's table (the debrief) was last read. What the debrief page shows (session, trainee, ended, calls scored): read again when it changes. Time since the run ended, for its crews to finish (None while it runs).</extracomment>
        <translation>A scenario is running: end it first (Ctrl+Shift+Z).</translation>
    </message>
    <message>
        <source>Choose a scenario first (Ctrl+9).</source>
        <translation>Choose a scenario first (Ctrl+9).</translation>
    </message>
    <message>
        <source>Mark at least one trainee (Space in the list).</source>
        <translation>Mark at least one trainee (Space in the list).</translation>
    </message>
    <message>
        <source>Scenario started: %1.</source>
        <translation>Scenario started: %1.</translation>
    </message>
    <message>
        <source>No scenario is running (Ctrl+Shift+G starts one).</source>
        <translation>No scenario is running (Ctrl+Shift+G starts one).</translation>
    </message>
    <message>
        <source>Scenario resumed.</source>
        <translation>Scenario resumed.</translation>
    </message>
    <message>
        <source>Scenario paused: nothing rings until resumed.</source>
        <translation>Scenario paused: nothing rings until resumed.</translation>
    </message>
    <message>
        <source>Scenario speed (now %1):</source>
        <translation>Scenario speed (now %1):</translation>
    </message>
    <message>
        <source>Scenario speed: %1.</source>
        <translation>Scenario speed: %1.</translation>
    </message>
    <message>
        <source>Every call of the scenario has rung.</source>
        <translation>Every call of the scenario has rung.</translation>
    </message>
    <message>
        <source>Ring which call now?</source>
        <translation>Ring which call now?</translation>
    </message>
    <message>
        <source>Call %1 has rung already.</source>
        <translation>Call %1 has rung already.</translation>
    </message>
    <message>
        <source>Call %1 rings now.</source>
        <translation>Call %1 rings now.</translation>
    </message>
    <message>
        <source>Select a call of the session first.</source>
        <translation>Select a call of the session first.</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Delay %1 by:</source>
        <translation>Delay %1 by:</translation>
    </message>
    <message>
        <source>%1 delayed by %2 s.</source>
        <translation>%1 delayed by %2 s.</translation>
    </message>
    <message>
        <source>Take %1 out of service (a breakdown)?</source>
        <translation>Take %1 out of service (a breakdown)?</translation>
    </message>
    <message>
        <source>Out of service</source>
        <translation>Out of service</translation>
    </message>
    <message>
        <source>%1 is out of service.</source>
        <translation>%1 is out of service.</translation>
    </message>
    <message>
        <source>No simulated units at this console.</source>
        <translation>No simulated units at this console.</translation>
    </message>
    <message>
        <source>End the scenario and score it?</source>
        <translation>End the scenario and score it?</translation>
    </message>
    <message>
        <source>End and score</source>
        <translation>End and score</translation>
    </message>
    <message>
        <source>Scenario ended and scored: %1 of %2 calls passed.</source>
        <translation>Scenario ended and scored: %1 of %2 calls passed.</translation>
    </message>
    <message>
        <source>No scenario loaded: random callers ring. Choose a scenario and the trainees, then Start (Ctrl+Shift+G).</source>
        <translation>No scenario loaded: random callers ring. Choose a scenario and the trainees, then Start (Ctrl+Shift+G).</translation>
    </message>
    <message>
        <source>%1: loaded, not started (Ctrl+Shift+G starts it).</source>
        <translation>%1: loaded, not started (Ctrl+Shift+G starts it).</translation>
    </message>
    <message>
        <source>%1: ended at %2 (Ctrl+Shift+Z scores it).</source>
        <translation>%1: ended at %2 (Ctrl+Shift+Z scores it).</translation>
    </message>
    <message>
        <source>%1: PAUSED at %2 of %3 (Ctrl+Shift+H resumes).</source>
        <translation>%1: PAUSED at %2 of %3 (Ctrl+Shift+H resumes).</translation>
    </message>
    <message>
        <source>%1: running, %2 of %3 at %4; calls still to ring: %5.</source>
        <translation>%1: running, %2 of %3 at %4; calls still to ring: %5.</translation>
    </message>
    <message>
        <source>No incident for this call yet.</source>
        <translation>No incident for this call yet.</translation>
    </message>
    <message>
        <source>Answer the call first (F2): the caller answers questions.</source>
        <translation>Answer the call first (F2): the caller answers questions.</translation>
    </message>
    <message>
        <source>The caller has nothing to say to that.</source>
        <translation>The caller has nothing to say to that.</translation>
    </message>
    <message>
        <source>The caller: %1</source>
        <translation>The caller: %1</translation>
    </message>
    <message>
        <source>No answer.</source>
        <translation>No answer.</translation>
    </message>
    <message>
        <source>The caller says: %1</source>
        <translation>The caller says: %1</translation>
    </message>
    <message>
        <source> (running)</source>
        <translation> (running)</translation>
    </message>
    <message>
        <source>No training session yet.</source>
        <translation>No training session yet.</translation>
    </message>
    <message>
        <source>Every trainee</source>
        <translation>Every trainee</translation>
    </message>
    <message>
        <source>The session is still running: end and score it first (Ctrl+Shift+Z).</source>
        <translation>The session is still running: end and score it first (Ctrl+Shift+Z).</translation>
    </message>
    <message>
        <source>Scenario %1 is not on this console.</source>
        <translation>Scenario %1 is not on this console.</translation>
    </message>
    <message>
        <source>The session was ended without being scored.</source>
        <translation>The session was ended without being scored.</translation>
    </message>
    <message>
        <source>The scenario's file has changed since this session ran: what was expected is read from the file as it is now.</source>
        <translation>The scenario's file has changed since this session ran: what was expected is read from the file as it is now.</translation>
    </message>
    <message>
        <source>No debrief to save: choose a scored session (Ctrl+0).</source>
        <translation>No debrief to save: choose a scored session (Ctrl+0).</translation>
    </message>
    <message>
        <source>Save the debrief as PDF</source>
        <translation>Save the debrief as PDF</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Not saved: %1</translation>
    </message>
    <message>
        <source>Debrief saved: %1</source>
        <translation>Debrief saved: %1</translation>
    </message>
</context>
<context>
    <name>UnitBoard</name>
    <message>
        <source>%1 (%2 of %3 available)</source>
        <extracomment>A row of the board: an agency's heading, or a unit. Agencies in the board's order (that of AgencyType). A filter change needing more runs of rows removed or inserted than this is signalled as one layout change: each run is a pair of signals that every view and selection model follows (hundreds of scattered runs cost ~14 ms), a layout change one pair whatever the rows. Headings are bold on this shade (and say what they are: colour is not their only sign). What a heading asks of its first column's width: nothing (it spans the row); sizing the first column to its contents would otherwise fit the headings' long text, not the call signs.</extracomment>
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
<context>
    <name>WatchList</name>
    <message>
        <source>Watch list</source>
        <translation>Watch list</translation>
    </message>
    <message>
        <source>Enter the number.</source>
        <translation>Enter the number.</translation>
    </message>
    <message>
        <source>A withheld number cannot be flagged.</source>
        <translation>A withheld number cannot be flagged.</translation>
    </message>
    <message>
        <source>Say why (shown to the call-taker).</source>
        <translation>Say why (shown to the call-taker).</translation>
    </message>
    <message>
        <source>At most 500 characters.</source>
        <translation>At most 500 characters.</translation>
    </message>
    <message>
        <source>Remove the control characters.</source>
        <translation>Remove the control characters.</translation>
    </message>
    <message>
        <source>This number already has this flag.</source>
        <translation>This number already has this flag.</translation>
    </message>
    <message>
        <source>Only a supervisor changes the watch list.</source>
        <translation>Only a supervisor changes the watch list.</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Flag</source>
        <translation>Flag</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Since</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Carrier / area</source>
        <translation>Carrier / area</translation>
    </message>
    <message>
        <source>Lift the selected flag (Del)</source>
        <translation>Lift the selected flag (Del)</translation>
    </message>
    <message>
        <source>Why (watch) or how and to whom the block was requested</source>
        <translation>Why (watch) or how and to whom the block was requested</translation>
    </message>
    <message>
        <source>&amp;Flag</source>
        <translation>&amp;Flag</translation>
    </message>
    <message>
        <source>&amp;Number</source>
        <translation>&amp;Number</translation>
    </message>
    <message>
        <source>&amp;Reason / note</source>
        <translation>&amp;Reason / note</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Add</translation>
    </message>
    <message>
        <source>Added: %1, %2.</source>
        <translation>Added: %1, %2.</translation>
    </message>
    <message>
        <source>Select a flag to lift.</source>
        <translation>Select a flag to lift.</translation>
    </message>
    <message>
        <source>Lifted: %1, %2.</source>
        <translation>Lifted: %1, %2.</translation>
    </message>
</context>
</TS>