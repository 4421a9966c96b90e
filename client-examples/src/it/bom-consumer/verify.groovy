// The build passing is not enough: the user's test must really have run.
def report = new File(basedir, 'target/surefire-reports/TEST-com.example.approvals.ApprovalInboxTest.xml')
assert report.isFile() : "the user's test did not run"
assert report.text.contains('tests="1"') && report.text.contains('failures="0"') && report.text.contains('errors="0"')
